// The seed's model bugs written as ModelGen models, fixed: every one is silent.
using System;
using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed.ModelGenModels;

// A residual block adds its input on every path; widening is a different block with a projection.
[Model]
[Input("x", "N, 16, H, W")]
public partial class ResidualBlock
{
    [Conv2d(16, Kernel = 3, Padding = 1)] public partial Conv2d Conv { get; }

    [Forward]
    private Tensor Forward(Tensor x) => nn.functional.relu(Conv.call(x) + x);
}

// Across a stride or channel change, the shortcut is a 1x1 convolution with the same stride.
[Model]
[Input("x", "N, 64, H, W")]
public partial class StridedBlock
{
    [Conv2d(128, Kernel = 3, Stride = 2, Padding = 1)] public partial Conv2d Conv { get; }
    [Conv2d(128, Kernel = 1, Stride = 2)] public partial Conv2d Projection { get; }

    [Forward]
    private Tensor Forward(Tensor x) => nn.functional.relu(Conv.call(x) + Projection.call(x));
}

// 784 = 28 * 28 values make the image; no flatten of what is already flat.
[Model]
[Input("noise", "N, 100")]
public partial class Generator
{
    [Linear(256, Activation = Activation.LeakyReLU)] public partial Linear Dense { get; }
    [Linear(784, Activation = Activation.Sigmoid)] public partial Linear Pixels { get; }
    [Reshape(1, 28, 28)] public partial Unflatten Image { get; }
}

// The value of a state-action pair is computed from both.
[Model]
[Input("state", "N, 4")]
[Input("action", "N, 2")]
public partial class ValueNetwork
{
    [Linear(1)] public partial Linear Value { get; }

    [Forward]
    private Tensor Forward(Tensor state, Tensor action) => Value.call(torch.cat(new[] { state, action }, 1));
}

// The lower LSTM hands on the whole sequence.
[Model]
[Input("x", "N, 28, 28")]
public partial class StackedLstm
{
    [LSTM(64, RecurrentOutput.Sequence)] public partial LSTM Lower { get; }
    [LSTM(64, RecurrentOutput.LastStep)] public partial LSTM Upper { get; }
    [Linear(10)] public partial Linear Fc { get; }
}

// Attention is wired with its query, key and value.
[Model]
[Input("x", "N, 10, 16")]
public partial class SelfAttention
{
    [LSTM(16, RecurrentOutput.Sequence)] public partial LSTM Encoder { get; }
    [MultiheadAttention(2)] public partial MultiheadAttention Attention { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        var (encoded, _, _) = Encoder.call(x, null);
        var sequence = encoded.transpose(0, 1);
        var (attended, _) = Attention.call(sequence, sequence, sequence, null, false, null);
        return attended.transpose(0, 1);
    }
}

// The classifier returns logits; CrossEntropyLoss applies the softmax.
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class LogitsClassifier
{
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(10)] public partial Linear Output { get; }
}

public static class LogitsClassifierTraining
{
    public static float Step(LogitsClassifier model, Tensor images, Tensor labels, optim.Optimizer optimizer) =>
        model.TrainStep(images, labels, optimizer, nn.CrossEntropyLoss());
}

// Seed Q15's block with ResNet v1's order: the activation after the add.
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
        return nn.functional.relu(BN2.call(Conv2.call(h)) + x);
    }
}
