using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.DropoutMlp;

/// <summary>
/// The seed's Q12: Dense(64, relu) -> Dropout(0.5) -> Dense(10). Dropout is active in TrainStep and
/// off in Predict, which switches the model to evaluation mode.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class DropoutMlp
{
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(64, Activation = Activation.ReLU)] public partial Linear Hidden { get; }
    [Dropout(0.5)] public partial Dropout Dropout { get; }
    [Linear(10)] public partial Linear Output { get; }
}
