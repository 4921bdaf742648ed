using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>Models composed of models, and custom layers with their own parameters and buffers.</summary>
public class CompositionTests
{
    [Fact]
    public void A_block_written_once_is_built_at_three_widths()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(8);
        var model = new SmallResNet();

        Assert.Equal(16, model.Stage1.Filters);
        Assert.Equal(16, model.Stage2.InChannels);
        Assert.Equal(32, model.Stage2.Filters);
        Assert.Equal(32, model.Stage2b.Filters);
        Assert.Equal(64, model.Stage3.Filters);
        var output = model.forward(randn(2, 1, 28, 28));
        Assert.Equal(new long[] { 2, 10 }, output.shape);
        output.sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void The_summary_counts_every_submodel_parameter()
    {
        var model = new SmallResNet();
        Assert.Equal(model.parameters().Sum(p => p.numel()), SmallResNet.Summary.TotalParameters);
        Assert.Equal("[N, 32, 14, 14]", SmallResNet.Summary.Rows.Single(r => r.Name == "stage2").OutputShape);
        Assert.Equal(new DownsampleBlock(16, 32).parameters().Sum(p => p.numel()), new DownsampleBlock(16, 32).Summary.TotalParameters);
    }

    [Fact]
    public void Submodel_state_dict_names_nest_like_pytorch()
    {
        static string[] BatchNorm(string name) =>
            new[] { "weight", "bias", "running_mean", "running_var", "num_batches_tracked" }.Select(k => name + "." + k).ToArray();
        static string[] Block(string name) =>
            new[] { name + ".conv1.weight", name + ".conv2.weight" }.Concat(BatchNorm(name + ".bn1")).Concat(BatchNorm(name + ".bn2")).ToArray();
        static string[] Downsample(string name) =>
            Block(name).Append(name + ".projection.weight").Concat(BatchNorm(name + ".projection_bn")).ToArray();
        var expected = new[] { "stem.weight", "fc.weight", "fc.bias" }
            .Concat(BatchNorm("stem_bn")).Concat(Block("stage1")).Concat(Downsample("stage2")).Concat(Block("stage2b")).Concat(Downsample("stage3"));

        // Exactly these: no second copy of a block's layers under their backing fields' names (stage1._conv1.weight).
        Assert.Equal(expected.OrderBy(k => k, StringComparer.Ordinal), new SmallResNet().state_dict().Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void A_block_rejects_an_input_whose_channels_differ_from_its_hyperparameter()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new BasicBlock(8).forward(zeros(1, 4, 5, 5)));
        Assert.Contains("dimension 1 must equal the hyperparameter Filters = 8", error.Message);
    }

    [Fact]
    public void Custom_batch_norm_equals_torch_batch_norm_in_training_and_evaluation_over_several_steps()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(9);
        var custom = new CustomBatchNorm2d(6);
        var reference = nn.BatchNorm2d(6);
        for (int step = 0; step < 5; step++)
        {
            var x = randn(4, 6, 3, 5) * 2 + 1;
            custom.train();
            reference.train();
            Assert.True(reference.forward(x).allclose(custom.forward(x), rtol: 0, atol: 1e-5), $"training output differs at step {step}");
            Assert.True(reference.running_mean!.allclose(custom.RunningMean, rtol: 0, atol: 1e-5), $"running mean differs at step {step}");
            Assert.True(reference.running_var!.allclose(custom.RunningVar, rtol: 0, atol: 1e-5), $"running variance differs at step {step}");
        }
        custom.eval();
        reference.eval();
        var test = randn(2, 6, 3, 5);
        Assert.True(reference.forward(test).allclose(custom.forward(test), rtol: 0, atol: 1e-5), "evaluation output differs");
        Assert.Equal(new[] { "beta", "gamma", "running_mean", "running_var" }, custom.state_dict().Keys.OrderBy(k => k));
    }
}
