// Seed Q17 (line 757), fixed: a hand-written forward unpacks the LSTMs' tuples and gives the attention its
// query, key and value.
using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public sealed class AttentionModel : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM lstm1 = nn.LSTM(64, 64, batchFirst: true);
    private readonly MultiheadAttention attention = nn.MultiheadAttention(64, 4);
    private readonly LSTM lstm2 = nn.LSTM(64, 64, batchFirst: true);
    private readonly Linear dense = nn.Linear(64, 10);

    public AttentionModel(long vocabulary) : base(nameof(AttentionModel))
    {
        embedding = nn.Embedding(vocabulary, 64);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var (sequence, _, _) = lstm1.call(embedding.call(tokens));
        var query = sequence.transpose(0, 1);                                     // MultiheadAttention takes [T, N, E]
        var (attended, _) = attention.call(query, query, query, null, false, null);
        var (output, _, _) = lstm2.call(attended.transpose(0, 1));
        return dense.call(output[.., -1]);
    }
}
