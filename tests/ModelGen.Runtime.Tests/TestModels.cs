using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>A residual block wired in a [Forward] method: the add needs equal shapes, which the generator proved.</summary>
[Model]
[Input("x", "N, 8, H, W")]
public partial class ResidualBlock
{
    [Conv2d(8, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
    [Conv2d(8, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        var h = nn.functional.relu(BN1.call(Conv1.call(x)));
        h = BN2.call(Conv2.call(h));
        return nn.functional.relu(h + x);
    }
}

/// <summary>Two inputs sharing the batch dimension N.</summary>
[Model]
[Input("state", "N, 4")]
[Input("action", "N, 2")]
public partial class ValueNetwork
{
    [Linear(16, Activation = Activation.Tanh)] public partial Linear Hidden { get; }
    [Linear(1)] public partial Linear Value { get; }

    [Forward]
    private Tensor Forward(Tensor state, Tensor action) => Value.call(Hidden.call(torch.cat(new[] { state, action }, 1)));
}

/// <summary>Every layer attribute in one chain, with non-default options, so each generated constructor call runs on libtorch.</summary>
[Model]
[Input("x", "N, 3, 16, 16")]
public partial class EveryLayer
{
    [Conv2d(8, Kernel = new[] { 3, 5 }, Padding = new[] { 1, 2 }, Activation = Activation.LeakyReLU)] public partial Conv2d Conv { get; }
    [BatchNorm2d(Momentum = 0.2)] public partial BatchNorm2d Norm2d { get; }
    [AvgPool2d(2)] public partial AvgPool2d Average { get; }
    [MaxPool2d(3, Stride = 1, Padding = 1, CeilMode = true)] public partial MaxPool2d Max { get; }
    [AdaptiveAvgPool2d(4, 4)] public partial AdaptiveAvgPool2d Adaptive { get; }
    [Flatten(StartDim = 2)] public partial Flatten Spatial { get; }
    [Conv1d(6, Kernel = 3, Padding = 1, Groups = 2, Activation = Activation.Tanh)] public partial Conv1d Conv1d { get; }
    [BatchNorm1d(Affine = false)] public partial BatchNorm1d Norm1d { get; }
    [LayerNorm] public partial LayerNorm LayerNorm { get; }
    [GELU] public partial GELU Gelu { get; }
    [Tanh] public partial Tanh Tanh { get; }
    [Sigmoid] public partial Sigmoid Sigmoid { get; }
    [LeakyReLU(NegativeSlope = 0.2)] public partial LeakyReLU Leaky { get; }
    [ReLU] public partial ReLU Relu { get; }
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(32, Bias = false, Activation = Activation.GELU)] public partial Linear Hidden { get; }
    [Reshape(2, 16)] public partial Unflatten Reshape { get; }
    [LayerNorm(NormalizedDims = 2, Eps = 1e-3)] public partial LayerNorm LayerNorm2 { get; }
    [Softmax(2)] public partial Softmax Softmax { get; }
    [Flatten] public partial Flatten Flatten2 { get; }
    [Linear(10, Activation = Activation.Sigmoid)] public partial Linear Output { get; }
    [LogSoftmax(1)] public partial LogSoftmax LogSoftmax { get; }
}
