using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks.HandWritten;

/// <summary>samples/RowLstm by hand: a digit read row by row by two stacked LSTMs, the last step to a classifier.</summary>
internal sealed class HandRowLstm : nn.Module<Tensor, Tensor>
{
    private readonly LSTM lower = nn.LSTM(28, 64, batchFirst: true);
    private readonly LSTM upper = nn.LSTM(64, 64, batchFirst: true);
    private readonly Linear fc = nn.Linear(64, 10);

    public HandRowLstm() : base(nameof(HandRowLstm)) => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        var rows = x.view(-1, 28, 28);
        var (sequence, _, _) = lower.call(rows, null);
        var (top, _, _) = upper.call(sequence, null);
        return fc.call(top.select(1, -1));
    }
}
