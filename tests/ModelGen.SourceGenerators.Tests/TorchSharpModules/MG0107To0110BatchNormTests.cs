using System.Threading.Tasks;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>
/// MG0107-MG0110: hand-written batch normalisation (the seed's Q11 BatchNormalization layer, lines 436-444)
/// and BatchNorm trained on batches of one.
/// </summary>
public class MG0107To0110BatchNormTests
{
    [Fact]
    public Task The_seeds_batch_norm_ported_literally_reports_eval_path_axis_and_unused_momentum() => TorchSharpVerifier.VerifyAsync("""
        public sealed class SeedBatchNorm : nn.Module<Tensor, Tensor>
        {
            private readonly double {|MG0109:momentum|};
            private readonly double epsilon;
            private readonly Parameter gamma;
            private readonly Parameter beta;

            public SeedBatchNorm(long features, double momentum = 0.99, double epsilon = 1e-3) : base(nameof(SeedBatchNorm))
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
                    var mean = {|MG0108:inputs.mean(new long[] { -1 }, keepdim: true)|};
                    var variance = {|MG0108:inputs.var(-1, keepdim: true)|};
                    var std = torch.sqrt(variance + epsilon);
                    var normalized = (inputs - mean) / std;
                    return gamma * normalized + beta;
                }
                else
                {
                    return {|MG0107:gamma * inputs + beta|};
                }
            }
        }
        """);

    [Fact]
    public async Task An_eval_path_that_normalises_with_the_current_batch_is_reported_in_an_expression_bodied_forward()
    {
        var diagnostics = await TorchSharpVerifier.VerifyAsync("""
            public sealed class BatchNorm2dByHand : nn.Module<Tensor, Tensor>
            {
                private readonly Parameter weight = nn.Parameter(torch.ones(1, 16, 1, 1));
                private readonly Parameter bias = nn.Parameter(torch.zeros(1, 16, 1, 1));
                public BatchNorm2dByHand() : base(nameof(BatchNorm2dByHand)) => RegisterComponents();

                public override Tensor forward(Tensor x) =>
                    training ? weight * Normalise(x) + bias : {|MG0107:weight * Normalise(x.detach()) + bias|};

                private static Tensor Normalise(Tensor t) =>
                    (t - t.mean(new long[] { 0, 2, 3 }, keepdim: true)) / (t.var(new long[] { 0, 2, 3 }, keepdim: true) + 1e-5).sqrt();
            }
            """);
        Assert.Equal(
            "The evaluation path of 'BatchNorm2dByHand' normalises with the statistics of the current batch: at inference a batch norm normalises with the running mean and variance gathered in training",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task A_running_mean_that_is_never_updated_and_a_batch_statistic_in_eval_are_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Norm : nn.Module<Tensor, Tensor>
        {
            private readonly Tensor {|MG0109:running_mean|} = torch.zeros(1, 8);
            private readonly Tensor running_var = torch.ones(1, 8);
            private readonly double momentum = 0.1;
            public Norm() : base(nameof(Norm))
            {
                register_buffer("running_mean", running_mean);
                register_buffer("running_var", running_var);
            }

            public override Tensor forward(Tensor x)
            {
                if (!training)
                {
                    return (x - running_mean) / (running_var + 1e-5).sqrt();
                }
                var mean = x.mean(new long[] { 0 }, keepdim: true);
                var variance = x.var(0, keepdim: true);
                using (torch.no_grad())
                {
                    running_var.mul_(1 - momentum).add_(variance * momentum);
                }
                return (x - mean) / (variance + 1e-5).sqrt();
            }
        }

        public sealed class BatchStatsEverywhere : nn.Module<Tensor, Tensor>
        {
            private readonly double momentum = 0.1;
            private Tensor running_mean = torch.zeros(1, 8);
            public BatchStatsEverywhere() : base(nameof(BatchStatsEverywhere)) { }

            public override Tensor forward(Tensor x)
            {
                var mean = x.mean(new long[] { 0 }, keepdim: true);
                if (training)
                {
                    running_mean = running_mean * (1 - momentum) + mean.detach() * momentum;
                    return x - mean;
                }
                return {|MG0107:x - x.mean(new long[] { 0 }, keepdim: true)|};
            }
        }
        """);

    [Fact]
    public Task A_correct_hand_written_batch_norm_is_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class MyBatchNorm2d : nn.Module<Tensor, Tensor>
        {
            private readonly Parameter gamma = nn.Parameter(torch.ones(1, 16, 1, 1));
            private readonly Parameter beta = nn.Parameter(torch.zeros(1, 16, 1, 1));
            private readonly Tensor runningMean = torch.zeros(1, 16, 1, 1);
            private readonly Tensor runningVar = torch.ones(1, 16, 1, 1);
            private readonly double momentum;
            public MyBatchNorm2d(double momentum = 0.1) : base(nameof(MyBatchNorm2d))
            {
                this.momentum = momentum;
                RegisterComponents();
                register_buffer("running_mean", runningMean);
                register_buffer("running_var", runningVar);
            }

            public override Tensor forward(Tensor x)
            {
                Tensor mean, variance;
                if (training)
                {
                    mean = x.mean(new long[] { 0, 2, 3 }, keepdim: true);
                    variance = x.var(new long[] { 0, 2, 3 }, unbiased: false, keepdim: true);
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
                return gamma * (x - mean) / (variance + 1e-5).sqrt() + beta;
            }
        }
        """);

    [Fact]
    public Task A_frozen_batch_norm_and_a_layer_norm_by_hand_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public sealed class FixedStatisticsNorm : nn.Module<Tensor, Tensor>
        {
            private readonly Tensor scale = torch.ones(32);
            private readonly Tensor shift = torch.zeros(32);
            private readonly Tensor running_mean = torch.zeros(32);
            private readonly Tensor running_var = torch.ones(32);
            public FixedStatisticsNorm() : base(nameof(FixedStatisticsNorm))
            {
                register_buffer("scale", scale);
                register_buffer("shift", shift);
                register_buffer("running_mean", running_mean);
                register_buffer("running_var", running_var);
            }

            public override Tensor forward(Tensor x)
            {
                var factor = scale.reshape(1, -1, 1, 1) * (running_var.reshape(1, -1, 1, 1) + 1e-5).rsqrt();
                return x * factor + (shift.reshape(1, -1, 1, 1) - running_mean.reshape(1, -1, 1, 1) * factor);
            }
        }

        public sealed class MyLayerNorm : nn.Module<Tensor, Tensor>
        {
            private readonly Parameter gain = nn.Parameter(torch.ones(64));
            public MyLayerNorm() : base(nameof(MyLayerNorm)) => RegisterComponents();
            public override Tensor forward(Tensor x) =>
                gain * (x - x.mean(new long[] { -1 }, keepdim: true)) / (x.var(-1, keepdim: true) + 1e-5).sqrt();
        }
        """);

    [Fact]
    public Task Training_a_BatchNorm_model_on_single_examples_is_reported() => TorchSharpVerifier.VerifyAsync("""
        public sealed class Net : nn.Module<Tensor, Tensor>
        {
            private readonly Sequential features = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 30 * 30, 10));
            public Net() : base(nameof(Net)) => RegisterComponents();
            public override Tensor forward(Tensor x) => features.call(x);
        }

        public static class Training
        {
            public static void Fit(Net model, Tensor images, Tensor labels)
            {
                var optimizer = optim.SGD(model.parameters(), 0.01);
                var loss = nn.CrossEntropyLoss();
                int batchSize = 1;
                for (int i = 0; i < images.shape[0]; i++)
                {
                    optimizer.zero_grad();
                    var output = model.call({|MG0110:images[i].unsqueeze(0)|});
                    loss.call(output, labels[i].unsqueeze(0)).backward();
                    optimizer.step();

                    model.call({|MG0110:images.narrow(0, i, batchSize)|});
                    model.call({|MG0110:torch.randn(1, 3, 32, 32)|});
                }
            }
        }
        """);

    [Fact]
    public Task Batches_of_several_single_examples_in_eval_mode_and_models_without_BatchNorm_are_silent() => TorchSharpVerifier.VerifyAsync("""
        public static class Training
        {
            public static void Fit(Tensor images, Tensor labels)
            {
                var withNorm = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8));
                var plain = nn.Sequential(nn.Linear(4, 8), nn.Dropout(0.1));
                var optimizer = optim.SGD(withNorm.parameters().Concat(plain.parameters()), 0.01);
                withNorm.eval();
                using (torch.no_grad())
                {
                    withNorm.call(images[0].unsqueeze(0));
                }
                withNorm.train();
                withNorm.call(images.narrow(0, 0, 32)).sum().backward();
                plain.call(images[0].unsqueeze(0)).sum().backward();
                optimizer.step();
                withNorm.eval();
                withNorm.call(torch.randn(1, 4));
            }
        }
        """);
}
