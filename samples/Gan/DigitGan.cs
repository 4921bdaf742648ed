using ModelGen;
using TorchSharp.Modules;

namespace ModelGen.Samples.Gan;

/// <summary>
/// Noise to a 28x28 digit. The seed's Q3 generator ended Dense(256) -> Reshape(28, 28, 1): 256 values cannot
/// fill 784 pixels, which the generator reports at compile time; here the last Linear has 1 * 28 * 28 outputs.
/// Tanh gives values -1 to 1, the range the GAN models pixels in (<see cref="GanTraining.FromPixels"/>).
/// Batch norm in the widening layers keeps the generator in the game: without it (and with a dropout
/// discriminator, on pixels 0 to 1) the discriminator won outright within 5 epochs.
/// </summary>
[Model]
[Input("noise", "N, 64")]
public partial class DigitGenerator
{
    [Linear(128)] public partial Linear Hidden1 { get; }
    [LeakyReLU(NegativeSlope = 0.2)] public partial LeakyReLU Act1 { get; }
    [Linear(256, Bias = false)] public partial Linear Hidden2 { get; }
    [BatchNorm1d] public partial BatchNorm1d Norm2 { get; }
    [LeakyReLU(NegativeSlope = 0.2)] public partial LeakyReLU Act2 { get; }
    [Linear(512, Bias = false)] public partial Linear Hidden3 { get; }
    [BatchNorm1d] public partial BatchNorm1d Norm3 { get; }
    [LeakyReLU(NegativeSlope = 0.2)] public partial LeakyReLU Act3 { get; }
    [Linear(1024, Bias = false)] public partial Linear Hidden4 { get; }
    [BatchNorm1d] public partial BatchNorm1d Norm4 { get; }
    [LeakyReLU(NegativeSlope = 0.2)] public partial LeakyReLU Act4 { get; }
    [Linear(784, Activation = Activation.Tanh)] public partial Linear Pixels { get; }
    [Reshape(1, 28, 28)] public partial Unflatten Image { get; }
}

/// <summary>A digit to one logit, real or generated; the generated step's loss applies the sigmoid, so the output stays a logit.</summary>
[Model]
[Input("image", "N, 1, 28, 28")]
public partial class DigitDiscriminator
{
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(512)] public partial Linear Hidden1 { get; }
    [LeakyReLU(NegativeSlope = 0.2)] public partial LeakyReLU Act1 { get; }
    [Linear(256)] public partial Linear Hidden2 { get; }
    [LeakyReLU(NegativeSlope = 0.2)] public partial LeakyReLU Act2 { get; }
    [Linear(1)] public partial Linear Score { get; }
}

/// <summary>
/// The two as one [Gan]: the generator's output is shape-checked against the discriminator's input, and the
/// generated AdversarialStep trains them in turn, each with its own optimizer.
/// </summary>
[Model]
[Gan]
[Input("noise", "N, 64")]
public partial class DigitGan
{
    [Submodel] public partial DigitGenerator Generator { get; }
    [Submodel] public partial DigitDiscriminator Discriminator { get; }
}
