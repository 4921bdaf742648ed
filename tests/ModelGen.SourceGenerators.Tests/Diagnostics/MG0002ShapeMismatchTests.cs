using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0002: a shape a layer or operation cannot take is reported where it happens, with both shapes.</summary>
public class MG0002ShapeMismatchTests
{
    [Fact]
    public async Task A_convolution_after_flatten_is_reported_on_the_layer_with_the_shape_that_reached_it()
    {
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 1, 28, 28")]
            public partial class M
            {
                [Flatten] public partial Flatten Flatten { get; }
                [{|MG0002:Conv2d(8, Kernel = 3)|}] public partial Conv2d Conv { get; }
            }
            """);
        Assert.Contains("[N, 784]", diagnostics.Single(d => d.Id == "MG0002").GetMessage());
    }

    [Fact]
    public async Task A_residual_add_of_different_channel_counts_is_reported_at_the_add()
    {
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 16, H, W")]
            public partial class M
            {
                [Conv2d(32, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

                [Forward]
                private Tensor Forward(Tensor x)
                {
                    var h = Conv.call(x);
                    return {|MG0002:h + x|};
                }
            }
            """);
        var message = diagnostics.Single(d => d.Id == "MG0002").GetMessage();
        Assert.Contains("[N, 32, H, W]", message);
        Assert.Contains("[N, 16, H, W]", message);
    }

    [Fact]
    public async Task A_layer_called_twice_with_different_input_sizes_is_reported_at_the_second_call()
    {
        await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 8")]
            public partial class M
            {
                [Linear(16)] public partial Linear Fc { get; }

                [Forward]
                private Tensor Forward(Tensor x)
                {
                    var h = Fc.call(x);
                    return {|MG0002:Fc.call(h)|};
                }
            }
            """);
    }

    [Fact]
    public async Task Both_branches_of_an_if_are_checked()
    {
        // The seed's inverted residual (Q15 line 664): the add sits on the branch taken when the channel counts differ.
        await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 16, H, W")]
            public partial class M
            {
                [Conv2d(32, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

                [Forward]
                private Tensor Forward(Tensor x)
                {
                    var h = Conv.call(x);
                    if (h.shape[1] != x.shape[1])
                    {
                        h = {|MG0002:h + x|};
                    }
                    return h;
                }
            }
            """);
    }

    [Fact]
    public async Task Returns_of_different_shapes_on_two_paths_are_reported()
    {
        await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 8")]
            public partial class M
            {
                [Linear(4)] public partial Linear Fc { get; }

                [Forward]
                private Tensor Forward(Tensor x)
                {
                    if (training)
                    {
                        return Fc.call(x);
                    }
                    return {|MG0002:x|};
                }
            }
            """);
    }

    [Fact]
    public Task A_residual_add_of_equal_shapes_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 16, H, W")]
        public partial class M
        {
            [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Conv.call(x);
                return nn.functional.relu(h + x);
            }
        }
        """);
}
