using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0010: a declared layer that never reaches the output (the seed's Q5/Q7: Embedding and LSTM imported, never used).</summary>
public class MG0010LayerNeverUsedTests
{
    [Fact]
    public Task A_layer_whose_result_is_discarded_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(8)] public partial Linear Fc { get; }
            [{|MG0010:Dropout(0.5)|}] public partial Dropout Drop { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var dropped = Drop.call(x);
                return Fc.call(x);
            }
        }
        """);

    [Fact]
    public Task A_layer_that_feeds_the_output_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(8)] public partial Linear Fc { get; }
            [Dropout(0.5)] public partial Dropout Drop { get; }

            [Forward]
            private Tensor Forward(Tensor x) => Fc.call(Drop.call(x));
        }
        """);

    [Fact]
    public Task A_layer_whose_output_is_added_in_place_to_a_returned_local_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(8)] public partial Linear Fc { get; }
            [Linear(8)] public partial Linear Side { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var h = Fc.call(x);
                h.add_(Side.call(x));
                return h;
            }
        }
        """);
}
