using System.Threading.Tasks;
using Xunit;
using Verify = ModelGen.CodeFixes.Tests.ModelCodeFixVerifier<ModelGen.CodeFixes.MoveActivationAfterResidualAddFix>;

namespace ModelGen.CodeFixes.Tests;

/// <summary>MG0118 in a ModelGen [Forward] body: the ReLU written inline in the returned add moves after it.</summary>
public class MoveActivationAfterResidualAddInModelsFixTests
{
    [Fact]
    public Task A_functional_relu_in_the_returned_add_wraps_the_add() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [BatchNorm2d] public partial BatchNorm2d BN { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                return {|MG0118:nn.functional.relu(BN.call(Conv.call(x))) + x|};   // the seed's order
            }
        }
        """,
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [BatchNorm2d] public partial BatchNorm2d BN { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                return nn.functional.relu(BN.call(Conv.call(x)) + x);   // the seed's order
            }
        }
        """);

    [Fact]
    public Task A_relu_method_in_an_add_call_gets_the_sum_as_its_receiver() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => {|MG0118:x + Conv.call(x).relu()|};
        }
        """,
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => (x + Conv.call(x)).relu();
        }
        """);

    [Fact]
    public Task A_relu_layer_call_gets_no_fix() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [ReLU] public partial ReLU Act { get; }

            [Forward]
            private Tensor Forward(Tensor x) => {|MG0118:Act.call(Conv.call(x)) + x|};
        }
        """,
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class Block
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [ReLU] public partial ReLU Act { get; }

            [Forward]
            private Tensor Forward(Tensor x) => {|MG0118:Act.call(Conv.call(x)) + x|};
        }
        """);
}
