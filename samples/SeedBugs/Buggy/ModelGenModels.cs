// The seed's model bugs written as ModelGen models: each is a compile-time diagnostic at the line
// that makes it. (Plain TorchSharp ports of the same snippets are in the other files.)
using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy.ModelGenModels;

// Seed Q15 (line 664): the block adds input and output only when their channel counts differ, and
// otherwise returns the convolution path alone: here, where they match, the skip connection is lost (residual-inverted).
[Model]
[Input("x", "N, 16, H, W")]
public partial class InvertedResidualBlock
{
    [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        var h = Conv.call(x);
        return h.shape[1] != x.shape[1] ? h + x : h;    // MG0115
    }
}

// Seed Q15 stages 64 -> 128 with stride 2: the add needs a projection shortcut (residual-projection).
[Model]
[Input("x", "N, 64, H, W")]
public partial class StridedBlock
{
    [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Conv { get; }

    [Forward]
    private Tensor Forward(Tensor x) => nn.functional.relu(Conv.call(x) + x);    // MG0002
}

// Seed Q3 (line 100): Dense(256) -> Flatten -> Reshape((28, 28, 1)); 256 values cannot fill 784 (reshape-count, flatten-noop).
[Model]
[Input("noise", "N, 100")]
public partial class Generator
{
    [Linear(256, Activation = Activation.LeakyReLU)] public partial Linear Dense { get; }
    [Flatten] public partial Flatten Flatten { get; }    // MG0113
    [Reshape(1, 28, 28)] public partial Unflatten Image { get; }    // MG0002
}

// Seed Q4 (line 149): a value network whose output is not computed from its inputs (disconnected-model).
[Model]
[Input("state", "N, 4")]
[Input("action", "N, 2")]    // MG0003
public partial class ValueNetwork
{
    [Linear(1)] public partial Linear Value { get; }
    [Embedding(1000, 64)] public partial Embedding Unused { get; }    // MG0010

    [Forward]
    private Tensor Forward(Tensor state, Tensor action) => Value.call(state);
}

// Seed Q24 (line 1161): the lower LSTM hands on its last step only, the upper one needs the sequence.
[Model]
[Input("x", "N, 28, 28")]
public partial class StackedLstm
{
    [LSTM(64, RecurrentOutput.LastStep)] public partial LSTM Lower { get; }
    [LSTM(64, RecurrentOutput.LastStep)] public partial LSTM Upper { get; }    // MG0002
    [Linear(10)] public partial Linear Fc { get; }
}

// Seed Q17 (line 788): attention inside a sequential chain, which passes one tensor.
[Model]
[Input("x", "N, 10, 16")]
public partial class ChainedAttention
{
    [LSTM(16, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
    [MultiheadAttention(2)] public partial MultiheadAttention Attention { get; }    // MG0002
}

// Seed Q2 (line 64): Dense(10, softmax) trained with a loss that applies softmax itself (softmax-logits).
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class SoftmaxClassifier
{
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(10, Activation = Activation.Softmax)] public partial Linear Output { get; }
}

public static class SoftmaxClassifierTraining
{
    public static float Step(SoftmaxClassifier model, Tensor images, Tensor labels, optim.Optimizer optimizer) =>
        model.TrainStep(images, labels, optimizer, nn.CrossEntropyLoss());    // MG0101
}

// Seed Q15 (lines 661-665): the second activation is applied to the batch-normalised path before the input
// is added back: relu(h) + x, where ResNet v1 computes relu(h + x) (residual-activation-order).
[Model]
[Input("x", "N, 64, H, W")]
public partial class SeedOrderBlock
{
    [Conv2d(64, Kernel = 3, Padding = 1)] public partial Conv2d Conv1 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN1 { get; }
    [Conv2d(64, Kernel = 3, Padding = 1)] public partial Conv2d Conv2 { get; }
    [BatchNorm2d] public partial BatchNorm2d BN2 { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        var h = nn.functional.relu(BN1.call(Conv1.call(x)));
        return nn.functional.relu(BN2.call(Conv2.call(h))) + x;    // MG0118
    }
}
