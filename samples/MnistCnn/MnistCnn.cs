using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.MnistCnn;

/// <summary>
/// The seed's CNN (Q2/Q6/Q14): Conv2D(32, 3x3, relu) on 28x28x1, MaxPool(2), Flatten, Dense(10).
/// The last layer returns logits: CrossEntropyLoss applies the softmax itself.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class MnistCnn
{
    [Conv2d(32, Kernel = 3, Activation = Activation.ReLU)] public partial Conv2d Conv1 { get; }
    [MaxPool2d(2)] public partial MaxPool2d Pool { get; }
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(10)] public partial Linear Fc { get; }
}
