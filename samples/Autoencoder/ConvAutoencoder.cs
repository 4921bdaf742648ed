using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.Autoencoder;

/// <summary>
/// The seed's Q20/Q27 autoencoder: a convolutional encoder (stride 2 twice, 28 -> 14 -> 7) to a 32-number code,
/// and a decoder that mirrors it with transposed convolutions back to 28x28 pixels in 0 to 1. The shape engine
/// checks the way back: each stride-2 transposed convolution needs OutputPadding = 1 to return 7 -> 14 -> 28.
/// The decoder narrows to 32 and 16 channels as the maps grow, which keeps a 28x28 layer affordable on 2 cores.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class ConvAutoencoder
{
    [Conv2d(32, Kernel = 3, Stride = 2, Padding = 1, Activation = Activation.ReLU)] public partial Conv2d Encode1 { get; }
    [Conv2d(64, Kernel = 3, Stride = 2, Padding = 1, Activation = Activation.ReLU)] public partial Conv2d Encode2 { get; }
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(32)] public partial Linear Code { get; }
    [Linear(7 * 7 * 64, Activation = Activation.ReLU)] public partial Linear Expand { get; }
    [Reshape(64, 7, 7)] public partial Unflatten Unflatten { get; }
    [ConvTranspose2d(32, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1, Activation = Activation.ReLU)] public partial ConvTranspose2d Decode1 { get; }
    [ConvTranspose2d(16, Kernel = 3, Stride = 2, Padding = 1, OutputPadding = 1, Activation = Activation.ReLU)] public partial ConvTranspose2d Decode2 { get; }
    [ConvTranspose2d(1, Kernel = 3, Padding = 1, Activation = Activation.Sigmoid)] public partial ConvTranspose2d Pixels { get; }
}
