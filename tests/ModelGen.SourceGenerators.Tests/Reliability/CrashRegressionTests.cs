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

    [Fact]
    public async Task An_adaptive_pool_with_invalid_sizes_that_the_forward_method_never_calls()
    {
        // Fuzz seeds 3807 and 5991 (20,000-case run): the constructor call of the unapplied layer read sizes that were invalid.
        var ids = await ModelDiagnosticsAsync("""
            [Model]
            [Input("x", "N, 4")]
            public partial class M
            {
                [Linear(4)] public partial Linear Fc { get; }
                [AdaptiveAvgPool2d(0, -1)] public partial AdaptiveAvgPool2d Pool { get; }

                [Forward]
                private Tensor Forward(Tensor x) => Fc.call(x);
            }
            """);
        Assert.Contains("MG0005", ids);
    }

    [Fact]
    public async Task An_average_pool_with_an_invalid_window_that_the_forward_method_never_calls()
    {
        // Fuzz seed 5852 (20,000-case run): the same, through the pooling window.
        var ids = await ModelDiagnosticsAsync("""
            [Model]
            [Input("x", "N, 4")]
            public partial class M
            {
                [Linear(4)] public partial Linear Fc { get; }
                [AvgPool2d(0, Stride = -3)] public partial AvgPool2d Pool { get; }

                [Forward]
                private Tensor Forward(Tensor x) => Fc.call(x);
            }
            """);
        Assert.Contains("MG0005", ids);
    }

    [Fact]
    public async Task A_model_in_a_namespace_spelled_as_a_verbatim_keyword()
    {
        // Fuzz seed 3921 (20,000-case run): the namespace's display form "@class" made an invalid hint name.
        const string source = """
            namespace @class;

            [Model]
            [Input("x", "N, 1")]
            public partial class LinearRegression
            {
                [Linear(1)] public partial Linear Dense { get; }
            }
            """;
        Assert.Empty(await ModelDiagnosticsAsync(source));
        var (run, output) = TestCompilation.Generate(Usings + source);
        Assert.Single(run.GeneratedTrees);
        Assert.Empty(TestCompilation.Errors(output));
    }

    [Fact]
    public async Task An_array_attribute_argument_given_as_default()
    {
        // Fuzz seed 5689 (20,000-case run): a null params array was read as an array of values.
        var ids = await ModelDiagnosticsAsync("""
            [Model]
            [Input("x", "N, 4")]
            public partial class M
            {
                [Reshape(default)] public partial Unflatten R { get; }
            }
            """);
        Assert.Contains("MG0005", ids);
    }

    [Fact]
    public async Task Two_hyperparameters_with_the_same_name_and_a_forward_method()
    {
        // Fuzz seed 7722 (20,000-case run): the forward body's table of hyperparameters was keyed by name.
        // The compiler reports the duplicate (CS0102); the generator and the analyzers must not throw on it.
        await ModelDiagnosticsAsync("""
            [Model]
            [Input("x", "N, InChannels, H, W")]
            public partial class Block
            {
                [Hyperparameter] public partial int InChannels { get; }
                [Hyperparameter] public partial int InChannels { get; }

                [Conv2d(nameof(InChannels), Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

                [Forward]
                private Tensor Forward(Tensor x) => Conv.call(x) + x;
            }
            """);
    }

    [Fact]
    public async Task A_layer_size_whose_parameter_count_overflows_a_long()
    {
        // Fuzz seed 17851 (20,000-case run): 2147483647 * 2147483647 features are a valid long, and so is
        // each layer's parameter count, but not the model's total; the checker's sum overflowed.
        var ids = await ModelDiagnosticsAsync("""
            [Model]
            [Input("x", "N, 1")]
            public partial class M
            {
                [Linear("2147483647 * 2147483647")] public partial Linear Wide { get; }
                [Linear(1)] public partial Linear Narrow { get; }
            }
            """);
        Assert.NotEmpty(ids);
    }
}
