using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0118 in ModelGen models: a [Forward] method that returns relu(h) + x, where ResNet v1 returns relu(h + x).</summary>
public class MG0118ActivationOrderInModelsTests
{
    [Fact]
    public Task A_functional_relu_before_the_add_is_reported_at_the_add() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = nn.functional.relu(BN1.call(Conv1.call(x)));
                h = BN2.call(Conv2.call(h));
                return {|MG0118:nn.functional.relu(h) + x|};
            }
        }
        """);

    [Fact]
    public Task A_relu_layer_or_tensor_method_through_a_local_is_reported_too() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class LayerRelu
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [ReLU] public partial ReLU Act { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var y = {|MG0118:x + Act.call(Conv.call(x))|};
                return y;
            }
        }

        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class MethodRelu
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => {|MG0118:Conv.call(x).relu().add(x)|};
        }
        """);

    [Fact]
    public Task The_v1_order_pre_activation_blocks_and_adds_without_a_skip_are_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class V1
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [BatchNorm2d] public partial BatchNorm2d BN { get; }

            [Forward]
            private Tensor Forward(Tensor x) => nn.functional.relu(BN.call(Conv.call(x)) + x);
        }

        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class PreActivation
        {
            [BatchNorm2d] public partial BatchNorm2d BN { get; }
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => Conv.call(nn.functional.relu(BN.call(x))) + x;
        }

        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class TwoPaths
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Left { get; }
            [Conv2d(16, Kernel = 1)] public partial Conv2d Right { get; }

            [Forward]
            private Tensor Forward(Tensor x) => nn.functional.relu(Left.call(x)) + Right.call(x);
        }

        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class AddNotReturned
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var y = nn.functional.relu(Conv.call(x)) + x;
                return y.relu();
            }
        }

        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class ReluOfTheInput
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => Conv.call(x) + nn.functional.relu(x);
        }
        """);
}
