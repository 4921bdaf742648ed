// Seed Q16 (line 717), fixed: the second LSTM reads the first one's whole output sequence.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public sealed class StackedLstm : nn.Module<Tensor, Tensor>
{
    private readonly LSTM lstm1 = nn.LSTM(16, 64, batchFirst: true);
    private readonly LSTM lstm2 = nn.LSTM(64, 64, batchFirst: true);
    private readonly Linear dense = nn.Linear(64, 10);

    public StackedLstm() : base(nameof(StackedLstm)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var (sequence, _, _) = lstm1.call(x);
        var (output, _, _) = lstm2.call(sequence);
        return dense.call(output[.., -1]);
    }
}
