using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>Noise to a 28x28 image: the seed's Dense(256) -> Reshape(28, 28, 1) with its element count fixed.</summary>
[Model]
[Input("noise", "N, 16")]
public partial class TinyGenerator
{
    [Linear(64, Activation = Activation.LeakyReLU)] public partial Linear Hidden { get; }
    [Linear(784, Activation = Activation.Sigmoid)] public partial Linear Pixels { get; }
    [Reshape(1, 28, 28)] public partial Unflatten Image { get; }
}

/// <summary>An image to one logit: real or generated.</summary>
[Model]
[Input("image", "N, 1, 28, 28")]
public partial class TinyDiscriminator
{
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(64, Activation = Activation.LeakyReLU)] public partial Linear Hidden { get; }
    [Linear(1)] public partial Linear Score { get; }
}

/// <summary>The two, trained adversarially.</summary>
[Model]
[Gan]
[Input("noise", "N, 16")]
public partial class TinyGan
{
    [Submodel] public partial TinyGenerator Generator { get; }
    [Submodel] public partial TinyDiscriminator Discriminator { get; }
}

/// <summary>A classifier whose feature extractor is frozen, as in transfer learning.</summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class FrozenBackboneClassifier
{
    [Submodel, Frozen] public partial TinyDiscriminator Backbone { get; }
    [Linear(5)] public partial Linear Head { get; }
}
