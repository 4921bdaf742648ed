// Seed Q17 (line 757), lines 785-791, repeated in Q24: Embedding -> LSTM(return_sequences) -> Attention()
// -> LSTM -> Dense(10) as a Sequential (sequential-attention). In TorchSharp an LSTM returns a tuple and
// MultiheadAttention takes query, key and value, so the port does not compile (CS1503 on every argument);
// MG0111 names the modules that cannot be chained.
using TorchSharp;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

public static class AttentionModel
{
    public static object Build(long vocabulary) =>
        nn.Sequential(
            nn.Embedding(vocabulary, 64),
            nn.LSTM(64, 64, batchFirst: true),                                    // MG0111
            nn.MultiheadAttention(64, 4),                                         // MG0111
            nn.LSTM(64, 64, batchFirst: true),                                    // MG0111
            nn.Linear(64, 10));
}
