using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.RowLstm;

/// <summary>
/// The seed's RNN (Q16/Q23/Q30): a digit read row by row, 28 steps of 28 pixels. The lower LSTM hands the
/// whole sequence to the upper one (the seed's Q24 handed on only its last step); the upper one hands its
/// last step to the classifier, which returns logits.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class RowLstm
{
    [Flatten] public partial Flatten Pixels { get; }
    [Reshape(28, 28)] public partial Unflatten Rows { get; }                 // [N, 28 steps, 28 features]
    [LSTM(64, RecurrentOutput.Sequence)] public partial LSTM Lower { get; }  // [N, 28, 64]
    [LSTM(64, RecurrentOutput.LastStep)] public partial LSTM Upper { get; }  // [N, 64]
    [Linear(10)] public partial Linear Fc { get; }
}
