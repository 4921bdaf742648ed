using System.Threading.Tasks;
using Xunit;
using Verify = ModelGen.CodeFixes.Tests.ModelCodeFixVerifier<ModelGen.CodeFixes.AddModelProjectionShortcutFix>;

namespace ModelGen.CodeFixes.Tests;

/// <summary>
/// MG0002 on a residual add in a ModelGen [Forward] body: the fix adds a 1x1 [Conv2d] and a [BatchNorm2d] layer
/// after the last layer property and projects the shortcut; the fixed model has no diagnostic left.
/// </summary>
public class AddModelProjectionShortcutFixTests
{
    [Fact]
    public Task The_seeds_strided_block_gets_a_stride_2_projection_on_its_input() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 64, H, W")]
        public partial class StridedBlock
        {
            [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => nn.functional.relu({|MG0002:Conv.call(x) + x|});    // residual
        }
        """,
        """
        [Model]
        [Input("x", "N, 64, H, W")]
        public partial class StridedBlock
        {
            [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Conv { get; }
            [Conv2d(128, Kernel = 1, Stride = 2, Bias = false)] public partial Conv2d Projection { get; }
            [BatchNorm2d] public partial BatchNorm2d ProjectionBN { get; }

            [Forward]
            private Tensor Forward(Tensor x) => nn.functional.relu(Conv.call(x) + ProjectionBN.call(Projection.call(x)));    // residual
        }
        """);

    [Fact]
    public Task A_channel_change_without_stride_in_a_block_body_gets_a_projection_without_Stride() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class WidenBlock
        {
            [Conv2d(32, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [BatchNorm2d] public partial BatchNorm2d Norm { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Norm.call(Conv.call(x));
                return {|MG0002:h + /* identity */ x|};
            }
        }
        """,
        """
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class WidenBlock
        {
            [Conv2d(32, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }
            [BatchNorm2d] public partial BatchNorm2d Norm { get; }
            [Conv2d(32, Kernel = 1, Bias = false)] public partial Conv2d Projection { get; }
            [BatchNorm2d] public partial BatchNorm2d ProjectionBN { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Norm.call(Conv.call(x));
                return h + /* identity */ ProjectionBN.call(Projection.call(x));
            }
        }
        """);

    [Fact]
    public Task A_block_sized_by_a_hyperparameter_gets_a_projection_sized_by_nameof_it() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, InChannels, H, W")]
        public partial class DownsampleBlock
        {
            [Hyperparameter] public partial int InChannels { get; }
            [Hyperparameter] public partial int Filters { get; }

            [Conv2d(nameof(Filters), Kernel = 3, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
            [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = nn.functional.relu(BN1.call(Conv1.call(x)));
                h = BN2.call(Conv2.call(h));
                return nn.functional.relu({|MG0002:h + x|});
            }
        }
        """,
        """
        [Model]
        [Input("x", "N, InChannels, H, W")]
        public partial class DownsampleBlock
        {
            [Hyperparameter] public partial int InChannels { get; }
            [Hyperparameter] public partial int Filters { get; }

            [Conv2d(nameof(Filters), Kernel = 3, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
            [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
            [BatchNorm2d] public partial BatchNorm2d BN2 { get; }
            [Conv2d(nameof(Filters), Kernel = 1, Stride = 2, Bias = false)] public partial Conv2d Projection { get; }
            [BatchNorm2d] public partial BatchNorm2d ProjectionBN { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = nn.functional.relu(BN1.call(Conv1.call(x)));
                h = BN2.call(Conv2.call(h));
                return nn.functional.relu(h + ProjectionBN.call(Projection.call(x)));
            }
        }
        """);

    [Fact]
    public Task An_add_call_with_the_input_as_receiver_projects_the_receiver() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 8, 32, 32")]
        public partial class CallBlock
        {
            [Conv2d(16, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x) => {|MG0002:x.add(Conv.call(x))|};
        }
        """,
        """
        [Model]
        [Input("x", "N, 8, 32, 32")]
        public partial class CallBlock
        {
            [Conv2d(16, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Conv { get; }
            [Conv2d(16, Kernel = 1, Stride = 2, Bias = false)] public partial Conv2d Projection { get; }
            [BatchNorm2d] public partial BatchNorm2d ProjectionBN { get; }

            [Forward]
            private Tensor Forward(Tensor x) => ProjectionBN.call(Projection.call(x)).add(Conv.call(x));
        }
        """);

    [Fact]
    public Task An_in_place_add_in_a_forward_declared_before_the_layers_projects_its_argument() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 16, 28, 28")]
        internal partial class InPlace
        {
            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Conv.call(x);
                {|MG0002:h.add_(x)|};
                return h;
            }

            [Conv2d(24, Kernel = 3, Stride = 2, Padding = 1)] internal partial Conv2d Conv { get; }
        }
        """,
        """
        [Model]
        [Input("x", "N, 16, 28, 28")]
        internal partial class InPlace
        {
            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Conv.call(x);
                h.add_(ProjectionBN.call(Projection.call(x)));
                return h;
            }

            [Conv2d(24, Kernel = 3, Stride = 2, Padding = 1)] internal partial Conv2d Conv { get; }
            [Conv2d(24, Kernel = 1, Stride = 2, Bias = false)] internal partial Conv2d Projection { get; }
            [BatchNorm2d] internal partial BatchNorm2d ProjectionBN { get; }
        }
        """);

    [Fact]
    public Task An_add_of_two_layer_outputs_is_not_a_residual_and_gets_no_fix()
    {
        const string source = """
            [Model]
            [Input("x", "N, 64, H, W")]
            public partial class TwoPaths
            {
                [Conv2d(128, Kernel = 3, Padding = 1)] public partial Conv2d Wide { get; }
                [Conv2d(64, Kernel = 3, Padding = 1)] public partial Conv2d Narrow { get; }

                [Forward]
                private Tensor Forward(Tensor x) => {|MG0002:Wide.call(x) + Narrow.call(x)|};
            }
            """;
        return Verify.VerifyAsync(source, source);
    }

    [Fact]
    public Task Names_already_taken_get_a_number() => Verify.VerifyAsync(
        """
        [Model]
        [Input("x", "N, 64, H, W")]
        public partial class Clash
        {
            [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Projection { get; }

            [Forward]
            private Tensor Forward(Tensor x) => {|MG0002:Projection.call(x) + x|};
        }
        """,
        """
        [Model]
        [Input("x", "N, 64, H, W")]
        public partial class Clash
        {
            [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Projection { get; }
            [Conv2d(128, Kernel = 1, Stride = 2, Bias = false)] public partial Conv2d Projection2 { get; }
            [BatchNorm2d] public partial BatchNorm2d Projection2BN { get; }

            [Forward]
            private Tensor Forward(Tensor x) => Projection.call(x) + Projection2BN.call(Projection2.call(x));
        }
        """);
}
