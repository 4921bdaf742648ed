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
