using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// Inputs the fuzzer found whose generated code did not compile while the user's code showed no error
/// (docs/reliability.md): each now compiles, or gets an MG diagnostic and a generated part that compiles.
/// Markup.VerifyAsync asserts both the exact MG diagnostics and no compiler error anywhere.
/// </summary>
public class SilentBreakRegressionTests
{
    [Fact]
    public Task A_hyperparameter_default_of_NaN_or_infinity_is_written_as_the_types_constant() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 4")]
        public partial class M
        {
            [Hyperparameter(Default = double.NaN)] public partial double Scale { get; }
            [Hyperparameter(Default = double.PositiveInfinity)] public partial float Limit { get; }
            [Hyperparameter(Default = 1e300)] public partial float TooLargeForAFloat { get; }
            [Linear(2)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task An_input_whose_name_is_null_is_reported() => Markup.VerifyAsync("""
        [Model]
        [{|MG0007:Input(null, "N, 4")|}]
        public partial class M
        {
            [Linear(2)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_required_hyperparameter_after_an_optional_one_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 4")]
        public partial class {|MG0007:M|}
        {
            [Hyperparameter(Default = 0.5)] public partial double Rate { get; }
            [Hyperparameter] public partial int Width { get; }
            [Linear(2)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task Members_named_like_the_generated_part_are_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 4")]
        public partial class {|MG0007:{|MG0007:{|MG0007:M|}|}|}
        {
            [Linear(2)] public partial Linear Fc { get; }
            private int _fc;                        // the backing field of Fc
            public void TrainStep() { }             // a generated method
            public int Tensor => _fc;               // hides TorchSharp's Tensor in the generated code
        }
        """);

    [Fact]
    public Task An_input_named_like_a_parameter_of_the_training_step_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 4")]
        [{|MG0007:Input("loss", "N, 4")|}]
        public partial class M
        {
            [Linear(2)] public partial Linear Fc { get; }

            [Forward]
            private Tensor Forward(Tensor x, Tensor loss) => Fc.call(x + loss);
        }
        """);

    [Fact]
    public Task Names_close_to_the_generated_ones_are_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 4")]
        [Input("targets", "N, 4")]
        public partial class M
        {
            [Linear(2)] public partial Linear Output { get; }
            private int _fcCount;
            public string Describe() => nameof(Output) + _fcCount;

            [Forward]
            private Tensor Forward(Tensor x, Tensor targets) => Output.call(x * targets);
        }
        """);

    [Fact]
    public Task A_model_named_like_a_generated_member_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 4")]
        public partial class {|MG0007:TrainStep|}
        {
            [Linear(2)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_type_or_namespace_beside_the_model_named_like_a_TorchSharp_name_is_reported() => Markup.VerifyAsync("""
        namespace Project
        {
            public class Tensor { }

            [Model]
            [Input("x", "N, 4")]
            public partial class {|MG0007:M|}
            {
                [Linear(2)] public partial Linear Fc { get; }
            }
        }

        namespace Project.Layers.nn
        {
            public static class Helpers { }
        }

        namespace Project.Layers
        {
            [Model]
            [Input("x", "N, 4")]
            public partial class {|MG0007:{|MG0007:N|}|}
            {
                [Linear(2)] public partial Linear Fc { get; }
            }
        }

        namespace Elsewhere
        {
            public class Tensor { }
        }

        namespace Other
        {
            // Neither Elsewhere.Tensor nor Project.Tensor encloses this model: nothing is hidden.
            [Model]
            [Input("x", "N, 4")]
            public partial class P
            {
                [Linear(2)] public partial Linear Fc { get; }
            }
        }
        """);
}
