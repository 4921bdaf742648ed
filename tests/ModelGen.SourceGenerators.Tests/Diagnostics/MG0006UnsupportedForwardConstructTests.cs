using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0006: a construct in a [Forward] body the checker cannot follow is reported precisely, never guessed at.</summary>
public class MG0006UnsupportedForwardConstructTests
{
    [Fact]
    public async Task A_loop_is_reported_as_such()
    {
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 8")]
            public partial class M
            {
                [Linear(8)] public partial Linear Fc { get; }

                [Forward]
                private Tensor Forward(Tensor x)
                {
                    var h = Fc.call(x);
                    {|MG0006:for (int i = 0; i < 2; i++) { h = Fc.call(h); }|}
                    return h;
                }
            }
            """);
        Assert.Contains("a loop", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_helper_method_call_is_named_with_advice()
    {
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 8")]
            public partial class M
            {
                [Linear(8)] public partial Linear Fc { get; }

                [Forward]
                private Tensor Forward(Tensor x) => Fc.call({|MG0006:Scale(x)|});

                private static Tensor Scale(Tensor t) => t * 2;
            }
            """);
        Assert.Contains("helper method 'Scale'", diagnostics.Single().GetMessage());
    }

    [Fact]
    public async Task A_torch_function_without_a_shape_rule_is_named()
    {
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 8")]
            public partial class M
            {
                [Linear(8)] public partial Linear Fc { get; }

                [Forward]
                private Tensor Forward(Tensor x) => Fc.call({|MG0006:torch.cumsum(x, 1)|});
            }
            """);
        Assert.Contains("cumsum", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Straight_line_code_with_torch_operations_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 2, 4")]
        public partial class M
        {
            [Linear(8)] public partial Linear Fc { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = x.view(x.shape[0], -1);
                h = nn.functional.relu(Fc.call(h));
                h = h.unsqueeze(1).transpose(1, 2).squeeze(2);
                h += h * 0.5;
                return torch.cat(new[] { h, h }, 1).mean(new long[] { 1 }, keepdim: true);
            }
        }
        """);
}
