// Seed Q11 (line 397), fixed: per-feature statistics over the batch axis, running statistics updated with
// the momentum in training and used at inference.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SeedBugs.Fixed;

public sealed class BatchNormalization : nn.Module<Tensor, Tensor>
{
    private readonly double momentum;
    private readonly double epsilon;
    private readonly Parameter gamma;
    private readonly Parameter beta;
    private readonly Tensor runningMean;
    private readonly Tensor runningVar;

    public BatchNormalization(long features, double momentum = 0.01, double epsilon = 1e-3) : base(nameof(BatchNormalization))
    {
        this.momentum = momentum;
        this.epsilon = epsilon;
        gamma = nn.Parameter(torch.ones(features));
        beta = nn.Parameter(torch.zeros(features));
        runningMean = torch.zeros(features);
        runningVar = torch.ones(features);
        RegisterComponents();
        register_buffer("running_mean", runningMean);
        register_buffer("running_var", runningVar);
    }

    public override Tensor forward(Tensor inputs)
    {
        Tensor mean, variance;
        if (training)
        {
            mean = inputs.mean(new long[] { 0 });
            variance = inputs.var(0, unbiased: false);
            using (torch.no_grad())
            {
                runningMean.lerp_(mean, momentum);
                runningVar.lerp_(variance, momentum);
            }
        }
        else
        {
            mean = runningMean;
            variance = runningVar;
        }
        return gamma * (inputs - mean) / torch.sqrt(variance + epsilon) + beta;
    }
}
