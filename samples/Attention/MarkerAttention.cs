using System;
using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Samples.Attention;

/// <summary>
/// The seed's Q7/Q17/Q24 attention model, done right: token ids are embedded, an LSTM encodes them in order
/// (handing on the whole sequence), self-attention lets every position look at every other with query, key
/// and value wired explicitly, the attended sequence is averaged, and a linear layer gives one logit per
/// answer token. It returns the attention weights beside the logits, so a caller can see where it looked.
/// </summary>
[Model]
[Input("tokens", "N, T", DType = ScalarType.Int64)]
public partial class MarkerAttention
{
    [Embedding(MarkerTask.VocabularySize, 32)] public partial Embedding Embed { get; }
    [LSTM(32, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
    [MultiheadAttention(4)] public partial MultiheadAttention Attention { get; }
    [Linear(MarkerTask.ContentTokens)] public partial Linear Head { get; }

    /// <returns>One logit per answer token [N, 10], and the attention weights [N, T, T] (query by key, averaged over heads).</returns>
    [Forward]
    private (Tensor Logits, Tensor Weights) Forward(Tensor tokens)
    {
        var (encoded, _, _) = Encoder.call(Embed.call(tokens), null);
        var sequence = encoded.transpose(0, 1);   // MultiheadAttention reads [T, N, E]
        var (attended, weights) = Attention.call(sequence, sequence, sequence, null, true, null);
        return (Head.call(attended.mean(new long[] { 0 })), weights);
    }
}
