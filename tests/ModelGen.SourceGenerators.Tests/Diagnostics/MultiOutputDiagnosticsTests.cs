using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>[Forward] methods that return a tuple of tensors, and [Forward] bodies that call submodels.</summary>
public class MultiOutputDiagnosticsTests
{
    [Fact]
    public Task A_tuple_of_tensors_with_or_without_names_is_a_valid_return_type() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class Named
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private (Tensor Scores, Tensor Features) Forward(Tensor x) => (Fc.call(x), x);
        }

        [Model]
        [Input("x", "N, 8")]
        public partial class Unnamed
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private (Tensor, Tensor, Tensor) Forward(Tensor x)
            {
                var h = Fc.call(x);
                return (h, h.sum(new long[] { 1 }), x);
            }
        }
        """);

    [Fact]
    public Task A_tuple_with_an_element_that_is_not_a_tensor_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private (Tensor, long) {|MG0009:Forward|}(Tensor x) => (Fc.call(x), 4);
        }
        """);

    [Fact]
    public Task A_tuple_of_more_than_seven_tensors_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private (Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor) {|MG0009:Forward|}(Tensor x)
            {
                var h = Fc.call(x);
                return (h, h, h, h, h, h, h, h);
            }
        }
        """);

    [Fact]
    public Task Paths_that_return_tuples_of_different_shapes_are_reported_at_the_second() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private (Tensor, Tensor) Forward(Tensor x)
            {
                var h = Fc.call(x);
                if (training)
                {
                    return (h, x);
                }
                return {|MG0002:(h, h)|};
            }
        }
        """);

    [Fact]
    public Task An_input_that_reaches_only_the_second_output_is_used() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        [Input("y", "N, 3")]
        public partial class M
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private (Tensor, Tensor) Forward(Tensor x, Tensor y) => (Fc.call(x), y * 2);
        }
        """);

    [Fact]
    public Task An_input_that_reaches_neither_output_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        [{|MG0003:Input("y", "N, 3")|}]
        public partial class M
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private (Tensor, Tensor) Forward(Tensor x, Tensor y) => (Fc.call(x), x * 2);
        }
        """);

    private const string Encoder = """
        [Model]
        [Input("x", "N, 12")]
        public partial class Encoder
        {
            [Linear(4)] public partial Linear Encode { get; }
            [Linear(12)] public partial Linear Decode { get; }

            [Forward]
            private (Tensor Code, Tensor Reconstruction) Forward(Tensor x)
            {
                var code = Encode.call(x);
                return (code, Decode.call(code));
            }
        }

        """;

    [Fact]
    public Task A_submodel_called_in_a_forward_body_is_shape_checked_through_its_outputs() => Markup.VerifyAsync(Encoder + """
        [Model]
        [Input("x", "N, 12")]
        public partial class M
        {
            [Submodel] public partial Encoder Autoencoder { get; }
            [Linear(2)] public partial Linear Head { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var (code, reconstruction) = Autoencoder.call(x);
                // The code is [N, 4] and the reconstruction [N, 12]: adding them cannot broadcast.
                return Head.call({|MG0002:code + reconstruction|});
            }
        }
        """);

    [Fact]
    public Task A_submodel_output_read_by_item_or_by_name_is_followed() => Markup.VerifyAsync(Encoder + """
        [Model]
        [Input("x", "N, 12")]
        public partial class M
        {
            [Submodel] public partial Encoder Autoencoder { get; }
            [Linear(2)] public partial Linear Head { get; }

            [Forward]
            private Tensor Forward(Tensor x) => Head.call(Autoencoder.call(x).Code) + Head.call(Autoencoder.call(x).Item1);
        }
        """);

    [Fact]
    public Task A_multi_output_submodel_in_a_sequential_chain_is_reported() => Markup.VerifyAsync(Encoder + """
        [Model]
        [Input("x", "N, 12")]
        public partial class M
        {
            [{|MG0002:Submodel|}] public partial Encoder Autoencoder { get; }
            [Linear(2)] public partial Linear Head { get; }
        }
        """);

    [Fact]
    public Task A_single_output_submodel_called_in_a_forward_body_is_followed() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, C, H, W")]
        public partial class Block
        {
            [Conv2d(nameof(C), Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [Hyperparameter] public partial int C { get; }

            [Forward]
            private Tensor Forward(Tensor x) => nn.functional.relu(Conv.call(x) + x);
        }

        [Model]
        [Input("x", "N, 3, 16, 16")]
        public partial class M
        {
            [Conv2d(8, Kernel = 3, Padding = 1)] public partial Conv2d Stem { get; }
            [Submodel] public partial Block Body { get; }
            [Linear(10)] public partial Linear Head { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Body.call(Stem.call(x));
                // The block keeps [N, 8, 16, 16]: the head gives [N, 8, 16, 10], which cannot add to [N, 8, 16].
                return {|MG0002:Head.call(h) + h.mean(new long[] { 2 })|};
            }
        }
        """);
}
