using System.Linq;
using ModelGen.Samples.ResNet;
using ModelGen.Samples.Shared;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Samples.Tests;

/// <summary>samples/ResNet: residual blocks written once, composed at three widths, and a short run that learns.</summary>
public class ResNetTests
{
    [Fact]
    public void The_blocks_are_composed_at_64_128_and_256_channels_with_stride_2_stages()
    {
        var model = new MnistResNet();

        Assert.Equal(64, model.Stage1.Filters);
        Assert.Equal((64, 128), (model.Stage2.InChannels, model.Stage2.Filters));
        Assert.Equal((128, 256), (model.Stage3.InChannels, model.Stage3.Filters));
        var shapes = MnistResNet.Summary.Rows.ToDictionary(r => r.Name, r => r.OutputShape);
        Assert.Equal("[N, 64, 14, 14]", shapes["stage1"]);
        Assert.Equal("[N, 128, 7, 7]", shapes["stage2"]);
        Assert.Equal("[N, 256, 4, 4]", shapes["stage3"]);
        Assert.Equal(model.parameters().Sum(p => p.numel()), MnistResNet.Summary.TotalParameters);
    }

    [Fact]
    public void Where_the_shape_changes_the_shortcut_is_a_strided_1x1_projection()
    {
        var model = new MnistResNet();
        Assert.Equal(new long[] { 128, 64, 1, 1 }, model.Stage2.Projection.weight!.shape);
        Assert.Equal(new long[] { 256, 128, 1, 1 }, model.Stage3.Projection.weight!.shape);
        Assert.DoesNotContain(model.Stage1.state_dict().Keys, k => k.StartsWith("projection"));
    }

    [Fact]
    public void A_short_run_learns_digits_far_above_chance()
    {
        random.manual_seed(31);
        using var digits = MnistDigits.Load();
        var (train, test) = digits.Split(trainCount: 1000, testCount: 500, seed: 31);
        var model = new MnistResNet();

        var result = ClassifierTraining.Train(model, model.TrainStep, model.Predict, train, test, new ClassifierOptions(Epochs: 2, Seed: 31));

        // Chance is 10%; 64 steps over 1,000 digits (the full sample reaches 98% on 8,000).
        Assert.True(result.FinalAccuracy > 0.60, $"accuracy {result.FinalAccuracy:P1}");
    }
}
