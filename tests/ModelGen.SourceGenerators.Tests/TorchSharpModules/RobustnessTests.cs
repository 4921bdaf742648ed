using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>The MG01xx analyzers never throw, on code being typed or on compilations without TorchSharp.</summary>
public class RobustnessTests
{
    public static TheoryData<string> HalfTypedCode => new()
    {
        "public sealed class Net : nn.Module<Tensor, Tensor> { public Net() : base(\"n\") { } public override Tensor forward(Tensor x) => x.softmax(",
        "public static class T { public static void M(Tensor x) { var loss = nn.CrossEntropyLoss(); loss.call(x.softmax(1) } }",
        "public sealed class B : nn.Module<Tensor, Tensor> { private readonly Conv2d c = nn.Conv2d(64, 128, 3, stride: ); public B() : base(\"b\") { } public override Tensor forward(Tensor x) => c.call(x) + x; }",
        "public sealed class B : nn.Module<Tensor, Tensor> { private Conv2d c; public B(int n) : base(\"b\") { c = nn.Conv2d(n, n * 2, 3, stride: n); } public override Tensor forward(Tensor x) => c.call(x) + x; public static B Make() => new B(0); }",
        "public sealed class N : nn.Module<Tensor, Tensor> { private double momentum; public N() : base(\"n\") { } public override Tensor forward(Tensor x) { if (training) return x - x.mean(new long[] { }); else return",
        "public static class G { public static void S(Sequential g, Sequential d, Tensor r) { var o = optim.Adam(g.parameters().Concat(); var f = g.call(; d.call(f).backward(); o.step(); d.call(r).backward(); o.step(); } }",
        "public static class R { public static void S(LSTM a, LSTM b, Tensor x) { var (o, h) = a.call(x); b.call(h); b.call(o[.., -1, ]); } }",
        "public static class V { public static Tensor S(Linear fc, Tensor z) => fc.call(z).view(-1, 0, 28, 28) + fc.call(z).view(z.size(0), -1, -1); }",
        "public static class Q { public static object S() => nn.Sequential(nn.LSTM(), (\"a\", ), nn.Linear(1, 1)); }",
        "public sealed class B : nn.Module<Tensor, Tensor> { private Conv2d c; public B(int N, int H) : base(\"b\") { c = nn.Conv2d(N, H, 3, stride: 2, padding: 1); } public override Tensor forward(Tensor x) => c.call(x) + x; public static B Make() => new B(64, 128); }",
        "public static class E { public static void S(Tensor x) { var m = nn.Sequential(nn.Dropout(0.5)); m.train(true); m.eval(); using (torch.no_grad()) { m.call(x); } m.train(); for (;;) { using (torch.inference_mode(false)) m.call(x); } } }",
    };

    [Theory]
    [MemberData(nameof(HalfTypedCode))]
    public async Task Half_typed_code_makes_no_analyzer_throw(string source)
    {
        var compilation = TestCompilation.Create(TorchSharpVerifier.Usings + source);
        // AnalyzeAsync fails on any analyzer exception (and on AD0001).
        await TorchSharpVerifier.AnalyzeAsync(compilation);
    }

    [Fact]
    public async Task A_compilation_without_TorchSharp_gets_nothing_and_no_exception()
    {
        var references = TestCompilation.References.Where(r => !(r.Display ?? "").Contains("TorchSharp")).ToArray();
        var compilation = CSharpCompilation.Create(
            "NoTorch",
            new[] { CSharpSyntaxTree.ParseText("public class Module { public object call(object x) => x; public void eval() { } } public static class T { public static object M(Module m) => m.call(1); }", TestCompilation.ParseOptions) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(await TorchSharpVerifier.AnalyzeAsync(compilation));
    }
}
