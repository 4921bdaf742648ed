using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelGen.SourceGenerators.Checking;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>
/// MG0002 on a residual add carries what a projection shortcut needs (channels, stride, the shortcut operand) only
/// when a 1x1 Conv2d with a stride maps the input on its identity path to exactly the other operand's shape.
/// </summary>
public class MG0002ProjectionPropertiesTests
{
    private static async Task<Diagnostic> ShapeMismatch(string markup) =>
        (await Markup.VerifyAsync(markup)).Single(d => d.Id == "MG0002");

    private static string Shortcut(Diagnostic diagnostic)
    {
        var p = diagnostic.Properties;
        int start = diagnostic.Location.SourceSpan.Start + int.Parse(p[ResidualProjection.ShortcutStartProperty]!, System.Globalization.CultureInfo.InvariantCulture);
        int length = int.Parse(p[ResidualProjection.ShortcutLengthProperty]!, System.Globalization.CultureInfo.InvariantCulture);
        return diagnostic.Location.SourceTree!.GetText().ToString(new Microsoft.CodeAnalysis.Text.TextSpan(start, length));
    }

    private static void AssertProjection(Diagnostic diagnostic, string channels, string stride, string input, string shortcut)
    {
        Assert.Equal(channels, diagnostic.Properties[ResidualProjection.ChannelsProperty]);
        Assert.Equal(stride, diagnostic.Properties[ResidualProjection.StrideProperty]);
        Assert.Equal(input, diagnostic.Properties[ResidualProjection.InputProperty]);
        Assert.Equal(shortcut, Shortcut(diagnostic));
    }

    [Fact]
    public async Task A_strided_residual_add_names_the_channels_the_stride_and_the_shortcut()
    {
        var diagnostic = await ShapeMismatch("""
            [Model]
            [Input("x", "N, 64, H, W")]
            public partial class StridedBlock
            {
                [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Conv { get; }

                [Forward]
                private Tensor Forward(Tensor x) => nn.functional.relu({|MG0002:Conv.call(x) + x|});
            }
            """);
        AssertProjection(diagnostic, "128", "2", "x", "x");
    }

    [Fact]
    public async Task A_hyperparameter_width_is_named_and_a_shortcut_on_the_left_through_a_local_is_found()
    {
        var diagnostic = await ShapeMismatch("""
            [Model]
            [Input("image", "N, InChannels, 32, 32")]
            public partial class Block
            {
                [Hyperparameter] public partial int InChannels { get; }
                [Hyperparameter] public partial int Filters { get; }
                [Conv2d(nameof(Filters), Kernel = 3, Stride = 4, Padding = 1)] public partial Conv2d Conv { get; }

                [Forward]
                private Tensor Forward(Tensor image)
                {
                    var identity = image;
                    var h = Conv.call(image);
                    return {|MG0002:identity + h|};
                }
            }
            """);
        AssertProjection(diagnostic, "Filters", "4", "image", "identity");
    }

    [Fact]
    public async Task A_channel_change_alone_has_stride_1_and_an_in_place_add_projects_its_argument()
    {
        var diagnostic = await ShapeMismatch("""
            [Model]
            [Input("x", "N, 16, H, W")]
            public partial class Widen
            {
                [Conv2d(32, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

                [Forward]
                private Tensor Forward(Tensor x)
                {
                    var h = Conv.call(x);
                    {|MG0002:h.add_(x)|};
                    return h;
                }
            }
            """);
        AssertProjection(diagnostic, "32", "1", "x", "x");
    }

    [Theory]
    [InlineData("{|MG0002:torch.add(A.call(x), x)|}", "x")]
    [InlineData("{|MG0002:x.add(A.call(x))|}", "x")]
    [InlineData("{|MG0002:A.call(x) + nn.functional.relu(x)|}", "nn.functional.relu(x)")]
    [InlineData("{|MG0002:A.call(x) + (x)|}", "x")]
    public async Task Every_form_of_add_finds_its_shortcut_operand(string body, string shortcut)
    {
        var diagnostic = await ShapeMismatch($$"""
            [Model]
            [Input("x", "N, 64, H, W")]
            public partial class M
            {
                [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d A { get; }

                [Forward]
                private Tensor Forward(Tensor x) => {{body}};
            }
            """);
        AssertProjection(diagnostic, "128", "2", "x", shortcut);
    }

    [Theory]
    // Two layer outputs: no identity path.
    [InlineData("[Conv2d(128, Kernel = 3, Padding = 1)] public partial Conv2d A { get; }\n[Conv2d(64, Kernel = 3, Padding = 1)] public partial Conv2d B { get; }", "{|MG0002:A.call(x) + B.call(x)|}")]
    // No padding: the path is H - 2, which no 1x1 stride gives.
    [InlineData("[Conv2d(128, Kernel = 3)] public partial Conv2d A { get; }", "{|MG0002:A.call(x) + x|}")]
    // The input is the receiver of an in-place add: projecting it would drop the update.
    [InlineData("[Conv2d(128, Kernel = 3, Padding = 1)] public partial Conv2d A { get; }", "{|MG0002:x.add_(A.call(x))|}")]
    // A subtraction is not a residual add.
    [InlineData("[Conv2d(128, Kernel = 3, Padding = 1)] public partial Conv2d A { get; }", "{|MG0002:A.call(x) - x|}")]
    // A width that is an expression, not a constant or a hyperparameter: no guess.
    [InlineData("[Hyperparameter] public partial int Filters { get; }\n[Conv2d(\"Filters * 2\", Kernel = 3, Padding = 1)] public partial Conv2d A { get; }", "{|MG0002:A.call(x) + x|}")]
    public async Task No_properties_when_a_projection_does_not_fit(string layers, string body)
    {
        var diagnostic = await ShapeMismatch($$"""
            [Model]
            [Input("x", "N, 64, H, W")]
            public partial class M
            {
                {{layers}}

                [Forward]
                private Tensor Forward(Tensor x) => {{body}};
            }
            """);
        Assert.Empty(diagnostic.Properties);
    }

    [Fact]
    public async Task A_submodel_instance_that_breaks_is_reported_at_the_submodel_without_properties()
    {
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, C, H, W")]
            public partial class Plain
            {
                [Hyperparameter] public partial int C { get; }
                [Conv2d(8, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

                [Forward]
                private Tensor Forward(Tensor x) => {|MG0002:Conv.call(x) + x|};
            }

            [Model]
            [Input("x", "N, 3, 8, 8")]
            public partial class Outer
            {
                [{|MG0002:Submodel|}] public partial Plain Body { get; }
            }
            """);
        var atSubmodel = diagnostics.Where(d => d.Id == "MG0002").OrderBy(d => d.Location.SourceSpan.Start).Last();
        Assert.Empty(atSubmodel.Properties);
    }
}
