using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// One test per crash the fuzzer found (docs/reliability.md): the input that made the generator or an
/// analyzer throw, reduced by hand, now reported as a diagnostic instead.
/// </summary>
public class CrashRegressionTests
{
    private const string Usings = "using ModelGen;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n";

    private static async Task<string[]> ModelDiagnosticsAsync(string source)
    {
        // Generate asserts the generator threw nothing; AnalyzeAsync that no analyzer did.
        TestCompilation.Generate(Usings + source);
        var diagnostics = await TestCompilation.AnalyzeAsync(Usings + source);
        return diagnostics.Where(d => d.Id.StartsWith("MG", System.StringComparison.Ordinal)).Select(d => d.Id).ToArray();
    }

    [Fact]
    public async Task A_reshape_without_sizes_that_the_forward_method_never_calls()
    {
        // Fuzz seed 235: the generator built the constructor call of the unapplied layer from sizes it did not have.
        var ids = await ModelDiagnosticsAsync("""
            [Model]
            [Input("x", "N, 4")]
            public partial class M
            {
                [Linear(4)] public partial Linear Fc { get; }
                [Reshape] public partial Unflatten R { get; }

                [Forward]
                private Tensor Forward(Tensor x) => Fc.call(x);
            }
            """);
        Assert.Contains("MG0005", ids);
    }
}
