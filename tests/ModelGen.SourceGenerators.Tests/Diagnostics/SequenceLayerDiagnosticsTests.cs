using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>Recurrent, attention and embedding layers: the seed's sequence mistakes are reported where they are made.</summary>
public class SequenceLayerDiagnosticsTests
{
    [Fact]
    public async Task A_recurrent_layer_stacked_on_one_that_hands_on_only_its_last_step_is_reported()
    {
        // The seed's Q24: the lower LSTM returns the last step only, the upper one needs the whole sequence.
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 28, 28")]
            public partial class M
            {
                [LSTM(64, RecurrentOutput.LastStep)] public partial LSTM Lower { get; }
                [{|MG0002:LSTM(64, RecurrentOutput.LastStep)|}] public partial LSTM Upper { get; }
                [Linear(10)] public partial Linear Fc { get; }
            }
            """);
        Assert.Contains("[N, 64]", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Stacked_recurrent_layers_handing_on_the_sequence_are_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 28, 28")]
        public partial class M
        {
            [LSTM(64, RecurrentOutput.Sequence)] public partial LSTM Lower { get; }
            [GRU(64, RecurrentOutput.LastStep)] public partial GRU Upper { get; }
            [Linear(10)] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public async Task Attention_chained_as_if_it_took_one_tensor_is_reported_with_how_to_wire_it()
    {
        // The seed's Q17: Attention() inside a Sequential, which passes one tensor.
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 10, 16")]
            public partial class M
            {
                [LSTM(16, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
                [{|MG0002:MultiheadAttention(2)|}] public partial MultiheadAttention Attention { get; }
            }
            """);
        Assert.Contains("takes a query, a key and a value", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task Token_ids_fed_to_a_linear_layer_are_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("tokens", "N, 12", DType = ScalarType.Int64)]
        public partial class M
        {
            [{|MG0002:Linear(8)|}] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task Real_values_fed_to_an_embedding_are_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 12")]
        public partial class M
        {
            [{|MG0002:Embedding(100, 8)|}] public partial Embedding Embed { get; }
        }
        """);

    [Fact]
    public Task An_lstm_tuple_deconstructed_in_a_forward_method_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("tokens", "N, T", DType = ScalarType.Int64)]
        public partial class M
        {
            [Embedding(100, 8)] public partial Embedding Embed { get; }
            [LSTM(8, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
            [Linear(2)] public partial Linear Head { get; }

            [Forward]
            private Tensor Forward(Tensor tokens)
            {
                var (output, hidden, _) = Encoder.call(Embed.call(tokens), null);
                return Head.call(output.select(1, -1) + hidden.select(0, -1));
            }
        }
        """);

    [Fact]
    public Task Adding_the_output_sequence_to_the_final_hidden_state_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, T, 8")]
        public partial class M
        {
            [LSTM(8, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
            [Linear(2)] public partial Linear Head { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                var result = Encoder.call(x, null);
                // output is [N, T, 8], h_n is [1, N, 8]: T and N cannot be matched.
                return Head.call({|MG0002:result.Item1 + result.Item2|});
            }
        }
        """);
}
