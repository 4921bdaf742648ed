using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Samples.ResNet;

/// <summary>
/// The residual block of the seed's Q15/Q22/Q29, written once: two 3x3 convolutions with batch norm,
/// the identity shortcut added before the final ReLU. Its width is inferred from the incoming channels.
/// </summary>
[Model]
[Input("x", "N, Filters, H, W")]
public partial class BasicBlock
{
    [Hyperparameter] public partial int Filters { get; }

    [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
    [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        var h = nn.functional.relu(BN1.call(Conv1.call(x)));
        h = BN2.call(Conv2.call(h));
        return nn.functional.relu(h + x);
    }
}

/// <summary>
/// The block that starts a stage: stride 2 and a new width, so the shortcut is a strided 1x1 projection
/// (the seed adds the unprojected input, a shape error the generator reports). The stride is a constant
/// here because the shape engine divides by it; that is why this is a class of its own.
/// </summary>
[Model]
[Input("x", "N, InChannels, H, W")]
public partial class DownsampleBlock
{
    [Hyperparameter] public partial int InChannels { get; }
    [Hyperparameter] public partial int Filters { get; }

    [Conv2d(nameof(Filters), Kernel = 3, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
    [Conv2d(nameof(Filters), Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN2 { get; }
    [Conv2d(nameof(Filters), Kernel = 1, Stride = 2, Bias = false)] public partial Conv2d Projection { get; }
    [BatchNorm2d] public partial BatchNorm2d ProjectionBN { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        var h = nn.functional.relu(BN1.call(Conv1.call(x)));
        h = BN2.call(Conv2.call(h));
        return nn.functional.relu(h + ProjectionBN.call(Projection.call(x)));
    }
}

/// <summary>
/// A ResNet for 1x28x28 digits. ImageNet's stem (7x7 stride 2, then a max pool) would shrink a digit to 7x7
/// before the first block; this one is a single 3x3 stride-2 convolution to 14x14, a quarter of the cost of a
/// stride-1 stem on 2 CPU cores. Then stages at 64 channels (14x14), 128 (7x7) and 256 (4x4), global average
/// pooling and the logits.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class MnistResNet
{
    [Conv2d(64, Kernel = 3, Stride = 2, Padding = 1, Bias = false)] public partial Conv2d Stem { get; }
    [BatchNorm2d] public partial BatchNorm2d StemBN { get; }
    [ReLU] public partial ReLU StemReLU { get; }
    [Submodel] public partial BasicBlock Stage1 { get; }
    [Submodel(128)] public partial DownsampleBlock Stage2 { get; }
    [Submodel(256)] public partial DownsampleBlock Stage3 { get; }
    [AdaptiveAvgPool2d(1, 1)] public partial AdaptiveAvgPool2d Pool { get; }
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(10)] public partial Linear Fc { get; }
}
