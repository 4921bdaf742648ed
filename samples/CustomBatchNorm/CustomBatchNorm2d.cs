using ModelGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Samples.CustomBatchNorm;

/// <summary>
/// The seed's Q11 BatchNormalization, done right, as a custom layer: statistics per channel over the batch
/// and spatial axes, running mean and variance kept as buffers and updated with momentum while training,
/// and evaluation normalising with those running statistics. It matches nn.BatchNorm2d (a test checks it).
/// </summary>
[Model]
[Input("x", "N, NumFeatures, H, W")]
public partial class CustomBatchNorm2d
{
    [Hyperparameter] public partial int NumFeatures { get; }
    [Hyperparameter(Default = 0.1)] public partial double Momentum { get; }
    [Hyperparameter(Default = 1e-5)] public partial double Eps { get; }

    [Parameter("NumFeatures", Init = Init.Ones)] public partial Parameter Gamma { get; }
    [Parameter("NumFeatures")] public partial Parameter Beta { get; }
    [Buffer("NumFeatures")] public partial Tensor RunningMean { get; }
    [Buffer("NumFeatures", Init = Init.Ones)] public partial Tensor RunningVar { get; }

    [Forward]
    private Tensor Forward(Tensor x)
    {
        Tensor mean;
        Tensor variance;
        if (training)
        {
            // The seed averaged over the batch axis only; a convolution's channel is one feature at every position.
            mean = x.mean(new long[] { 0, 2, 3 });
            variance = x.var(new long[] { 0, 2, 3 }, unbiased: false);
            long count = x.shape[0] * x.shape[2] * x.shape[3];
            using (torch.no_grad())
            {
                // Normalise with the biased variance, but keep the unbiased one, as PyTorch does.
                RunningMean.mul_(1 - Momentum).add_(mean * Momentum);
                RunningVar.mul_(1 - Momentum).add_(variance * (Momentum * count / (count - 1)));
            }
        }
        else
        {
            mean = RunningMean;
            variance = RunningVar;
        }
        var normalized = (x - mean.view(1, -1, 1, 1)) / (variance.view(1, -1, 1, 1) + Eps).sqrt();
        return normalized * Gamma.view(1, -1, 1, 1) + Beta.view(1, -1, 1, 1);
    }
}

/// <summary>
/// A small CNN normalised by the custom layer: each use infers NumFeatures from the channels flowing in.
/// The convolutions have no bias because the layer's Beta replaces it.
/// </summary>
[Model]
[Input("x", "N, 1, 28, 28")]
public partial class BatchNormCnn
{
    [Conv2d(32, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv1 { get; }
    [Submodel] public partial CustomBatchNorm2d Norm1 { get; }
    [ReLU] public partial ReLU Relu1 { get; }
    [MaxPool2d(2)] public partial MaxPool2d Pool1 { get; }
    [Conv2d(64, Kernel = 3, Padding = 1, Bias = false)] public partial Conv2d Conv2 { get; }
    [Submodel] public partial CustomBatchNorm2d Norm2 { get; }
    [ReLU] public partial ReLU Relu2 { get; }
    [MaxPool2d(2)] public partial MaxPool2d Pool2 { get; }
    [Flatten] public partial Flatten Flatten { get; }
    [Linear(10)] public partial Linear Fc { get; }
}
