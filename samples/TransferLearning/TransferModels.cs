using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.TransferLearning;

/// <summary>
/// The feature extractor that is pretrained and then transferred: two convolution stages, whose stroke and
/// shape detectors serve any digit. It has no batch norm or dropout, so a frozen copy behaves the same in
/// training and evaluation.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class DigitFeatures
{
    [Conv2d(32, Kernel = 3, Activation = Activation.ReLU)] public partial Conv2d Conv1 { get; }
    [MaxPool2d(2)] public partial MaxPool2d Pool1 { get; }
    [Conv2d(64, Kernel = 3, Activation = Activation.ReLU)] public partial Conv2d Conv2 { get; }
    [MaxPool2d(2)] public partial MaxPool2d Pool2 { get; }
    [Flatten] public partial Flatten Flatten { get; }
}

/// <summary>
/// The backbone and a five-way head (a hidden layer and the logits), all trained: pretraining on digits 0-4, and the from-scratch baseline
/// on digits 5-9 (the same architecture, so the comparison measures only what pretraining brings).
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class DigitClassifier
{
    [Submodel] public partial DigitFeatures Backbone { get; }
    [Linear(128, Activation = Activation.ReLU)] public partial Linear Hidden { get; }
    [Linear(5)] public partial Linear Head { get; }
}

/// <summary>
/// The same architecture with the backbone frozen: its weights are loaded from pretraining, get no gradient
/// and are left out of <c>TrainableParameters()</c>, so only the head (hidden layer and logits) learns digits 5-9.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class FrozenDigitClassifier
{
    [Submodel, Frozen] public partial DigitFeatures Backbone { get; }
    [Linear(128, Activation = Activation.ReLU)] public partial Linear Hidden { get; }
    [Linear(5)] public partial Linear Head { get; }
}
