using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Robustness;

/// <summary>
/// Code as it is while being typed: the generator and the analyzer never throw into the compiler
/// (no CS8785, no AD0001), whatever state the model is in.
/// </summary>
public class HalfTypedCodeTests
{
    private const string Usings = "using ModelGen;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n";

    public static IEnumerable<object[]> Sources() => new[]
    {
        "[Model] public partial class M { }",
        "[Model] [Input(] public partial class M { }",
        "[Model] [Input(\"x\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, (H\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 99999999999999999999\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"1x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear( public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(\"width\")] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4.5)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(null)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(long.MaxValue)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 1, 8, 8\")] public partial class M { [Conv2d(4, Kernel = new[] { 3 })] public partial Conv2d C { get; } }",
        "[Model] [Input(\"x\", \"N, 1, 8, 8\")] public partial class M { [Conv2d(4, Kernel = new[] { 3, 3, 3 })] public partial Conv2d C { get; } }",
        "[Model] [Input(\"x\", \"N, 1, 8, 8\")] public partial class M { [Conv2d(4, Kernel = new object[] { 3, \"k\" })] public partial Conv2d C { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Unknown Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Reshape()] public partial Unflatten R { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Reshape(2, 3)] public partial Unflatten R { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Softmax(7)] public partial Softmax S { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [LayerNorm(NormalizedDims = 5)] public partial LayerNorm L { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Dropout(2.0)] public partial Dropout D { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) => }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) { var h = Fc.call(; return h; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) { return x.view(x.shape[9], -1, -1); } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) { long n = x.shape[0] / 0; return Fc.call(x.view(n, 4)); } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) { for (;;) { } } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) => torch.cat(new Tensor[0], 1); }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) => x.permute(0, 0).sum(new long[] { 7 }); }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) { return Fc.call(Fc); } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] [Forward] Tensor F(Tensor x) => x; [Forward] Tensor G(Tensor x) => x; }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M<T> { [Linear(4)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public static partial class M { }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M(int width) { [Linear(4)] public partial Linear Fc { get; } }",
        "public class Outer { [Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] [Linear(5)] public partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public static partial Linear Fc { get; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get => null!; } }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) { var ü = Fc.call(x); return ü + ü.mean(new long[] { -1 }, keepdim: true); } }",
        // Regression (fuzz seed 1428): a layer no input reaches, with an invalid size, used to crash its construction.
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [Embedding(\"Filters * 4\", 8)] public partial Embedding E { get; } [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) => Fc.call(x); }",
        "[Model] [Input(\"x\", \"N, 4\")] public partial class M { [MaxPool2d(0)] public partial MaxPool2d P { get; } [Linear(4)] public partial Linear Fc { get; } [Forward] Tensor F(Tensor x) => Fc.call(x); }",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Neither_the_generator_nor_the_analyzer_throws(string source)
    {
        // Generate asserts the generator reported no exception; AnalyzeAsync that the analyzer threw none.
        TestCompilation.Generate(Usings + source);
        await TestCompilation.AnalyzeAsync(Usings + source);
    }
}
