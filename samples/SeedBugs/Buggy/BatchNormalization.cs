// Seed Q11 (line 397), lines 420-444: a hand-written BatchNormalization. Statistics are reduced over
// axis=-1, the feature axis (bn-axis, lines 438-439); momentum is stored and never used and no running
// statistics exist (bn-running-stats, lines 421 and 424); the inference branch returns gamma * x + beta
// (bn-eval-path, line 444). tf.reduce_variance does not exist (bn-api): in C# that is a compile error, so
// the port uses var().
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Buggy;

public sealed class BatchNormalization : nn.Module<Tensor, Tensor>
{
    private readonly double momentum;                                          // MG0109
    private readonly double epsilon;
    private readonly Parameter gamma;
    private readonly Parameter beta;

    public BatchNormalization(long features, double momentum = 0.99, double epsilon = 1e-3) : base(nameof(BatchNormalization))
    {
        this.momentum = momentum;
        this.epsilon = epsilon;
        gamma = nn.Parameter(torch.ones(features));
        beta = nn.Parameter(torch.zeros(features));
        RegisterComponents();
    }

    public override Tensor forward(Tensor inputs)
    {
        if (training)
        {
            var mean = inputs.mean(new long[] { -1 }, keepdim: true);             // MG0108
            var variance = inputs.var(-1, keepdim: true);                         // MG0108
            var std = torch.sqrt(variance + epsilon);
            var normalized = (inputs - mean) / std;
            return gamma * normalized + beta;
        }
        else
        {
            return gamma * inputs + beta;                                         // MG0107
        }
    }
}
