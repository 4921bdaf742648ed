using System.Linq;
using ModelGen.Samples.Gan;
using ModelGen.Samples.Shared;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Samples.Tests;

/// <summary>samples/Gan: the generator makes whole digits, a short adversarial run moves them toward real ones, and the judging counts right.</summary>
public class GanTests
{
    [Fact]
    public void The_generator_fills_every_pixel_of_a_28x28_image()
    {
        var shapes = DigitGan.Summary.Rows.ToDictionary(r => r.Name, r => r.OutputShape);
        Assert.Equal("[N, 1, 28, 28]", shapes["generator"]);
        Assert.Equal("[N, 1]", shapes["discriminator"]);
        Assert.Equal(784, new DigitGenerator().Pixels.weight!.shape[0]);
    }

    [Fact]
    public void A_short_adversarial_run_brings_the_average_generated_digit_close_to_the_real_one()
    {
        random.manual_seed(41);
        using var digits = MnistDigits.Load();
        var (train, _) = digits.Split(trainCount: 2000, testCount: 0, seed: 41);
        var gan = new DigitGan();
        var noise = randn(500, GanTraining.NoiseSize);
        var realMean = train.Images.mean(new long[] { 0 });
        double before = (GanTraining.ToPixels(gan.Generate(noise)).mean(new long[] { 0 }) - realMean).norm().item<float>();

        var result = GanTraining.Train(gan, train, new GanOptions(Epochs: 4, Seed: 41));
        double after = (GanTraining.ToPixels(gan.Generate(noise)).mean(new long[] { 0 }) - realMean).norm().item<float>();

        // An untrained generator draws grey (every pixel near 0.5); after 128 steps its mean image must be
        // at least three times closer to the mean real digit (measured: 11.3 -> 3.1).
        Assert.True(after < before / 3, $"distance of the mean images {before:F2} -> {after:F2}");
        Assert.All(result.DiscriminatorLosses.Concat(result.GeneratorLosses), l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void Pixels_map_onto_the_generators_tanh_range_and_back()
    {
        var pixels = tensor(new[] { 0f, 0.25f, 1f });
        Assert.Equal(new[] { -1f, -0.5f, 1f }, GanTraining.FromPixels(pixels).data<float>().ToArray());
        Assert.True(GanTraining.ToPixels(GanTraining.FromPixels(pixels)).allclose(pixels));
    }

    [Fact]
    public void Judging_keeps_a_class_only_where_the_classifier_is_at_least_90_percent_sure()
    {
        // One logit raised above nine zeros: by 10 gives softmax 0.9996, by 5 gives 0.943, by 4 gives 0.858.
        var logits = zeros(4, 10);
        logits[0, 3] = 10;
        logits[1, 1] = 5;
        logits[1, 2] = 5;   // split between two classes: 0.49 each
        logits[2, 3] = 5;
        logits[3, 4] = 4;

        var judgement = GanTraining.Judge(_ => logits, zeros(4, 1, 28, 28));

        Assert.Equal(new[] { 3, -1, 3, -1 }, judgement.ConfidentLabels);
        Assert.Equal(0.5, judgement.ConfidentFraction);
        Assert.Equal(2, judgement.ConfidentPerClass[3]);
        Assert.Equal(9, judgement.MissingClasses.Count);
    }

    [Fact]
    public void The_by_class_grid_puts_each_confident_sample_in_its_digits_row()
    {
        var images = stack(new[] { full(1, 28, 28, 0.1f), full(1, 28, 28, 0.2f), full(1, 28, 28, 0.3f) });
        var judgement = new Judgement(new[] { 7, -1, 7 });

        var grid = GanTraining.ArrangeByClass(images, judgement, perClass: 2);

        Assert.Equal(new long[] { 20, 1, 28, 28 }, grid.shape);
        Assert.Equal(0.1f, grid[14].mean().item<float>(), 5);
        Assert.Equal(0.3f, grid[15].mean().item<float>(), 5);
        Assert.Equal(0f, grid.narrow(0, 0, 14).abs().sum().item<float>());
    }
}
