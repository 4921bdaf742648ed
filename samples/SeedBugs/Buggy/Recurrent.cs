// Seed Q16 (line 717), lines 744-748, repeated in Q23 and Q30: LSTM(64, return_sequences=True) -> LSTM(64)
// -> Dense(10). In torch every LSTM returns (output, h_n, c_n); the second layer must get the whole output
// sequence, not the first layer's final hidden state (sequential-recurrent-output).
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

public sealed class StackedLstm : nn.Module<Tensor, Tensor>
{
    private readonly LSTM lstm1 = nn.LSTM(16, 64, batchFirst: true);
    private readonly LSTM lstm2 = nn.LSTM(64, 64, batchFirst: true);
    private readonly Linear dense = nn.Linear(64, 10);

    public StackedLstm() : base(nameof(StackedLstm)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var (sequence, hidden, cell) = lstm1.call(x);
        var (output, _, _) = lstm2.call(hidden);                                  // MG0112
        return dense.call(output[.., -1]);
    }
}
