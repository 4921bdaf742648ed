using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ModelGen.Samples.Shared;
using TorchSharp;
using static TorchSharp.torch;
using MnistClassifier = ModelGen.Samples.MnistCnn.MnistCnn;

namespace ModelGen.Samples.Gan;

/// <summary>How the GAN is trained.</summary>
/// <param name="Epochs">Passes over the real digits.</param>
/// <param name="BatchSize">Real digits (and as many generated ones) per step.</param>
/// <param name="LearningRate">Adam's learning rate, for both networks.</param>
/// <param name="Seed">Seeds initialisation, noise and shuffling.</param>
public sealed record GanOptions(int Epochs = 300, int BatchSize = 64, double LearningRate = 2e-4, int Seed = 42);

/// <summary>Mean losses of each epoch.</summary>
public sealed record GanResult(IReadOnlyList<double> DiscriminatorLosses, IReadOnlyList<double> GeneratorLosses, TimeSpan Elapsed);

/// <summary>
/// How the seed's CNN sees generated digits: per sample, the class it gives with probability of at least
/// <see cref="GanTraining.ConfidenceThreshold"/>, or -1 where it is less sure.
/// </summary>
public sealed record Judgement(IReadOnlyList<int> ConfidentLabels)
{
    /// <summary>Samples judged.</summary>
    public int Count => ConfidentLabels.Count;

    /// <summary>Samples classified confidently.</summary>
    public int Confident => ConfidentLabels.Count(l => l >= 0);

    /// <summary>Confident classifications as a fraction of all samples.</summary>
    public double ConfidentFraction => (double)Confident / Count;

    /// <summary>Confident samples per class, 0 to 9.</summary>
    public IReadOnlyList<int> ConfidentPerClass =>
        Enumerable.Range(0, MnistDigits.ClassCount).Select(c => ConfidentLabels.Count(l => l == c)).ToList();

    /// <summary>Classes with no confident sample: a sign of mode collapse.</summary>
    public IReadOnlyList<int> MissingClasses => Enumerable.Range(0, MnistDigits.ClassCount).Where(c => ConfidentPerClass[c] == 0).ToList();
}

/// <summary>Trains <see cref="DigitGan"/> with its generated adversarial step, and judges what it generates.</summary>
public static class GanTraining
{
    /// <summary>Size of the generator's noise vector, as its [Input] declares.</summary>
    public const int NoiseSize = 64;

    /// <summary>The classifier's softmax probability a generated digit needs to count as recognisable.</summary>
    public const double ConfidenceThreshold = 0.9;

    /// <summary>Trains the two networks on <paramref name="real"/>, each with its own Adam (beta1 = 0.5, as DCGAN found stable).</summary>
    public static GanResult Train(DigitGan gan, MnistDigits real, GanOptions options, ProgressBar? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var generatorOptimizer = optim.Adam(gan.Generator.parameters(), options.LearningRate, beta1: 0.5);
        var discriminatorOptimizer = optim.Adam(gan.Discriminator.parameters(), options.LearningRate, beta1: 0.5);
        var discriminatorLosses = new List<double>();
        var generatorLosses = new List<double>();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            int shown = epoch + 1;
            double discriminatorTotal = 0;
            generatorLosses.Add(Minibatches.RunEpoch(
                real, options.BatchSize, (ulong)(options.Seed * 1000 + epoch),
                (images, _) =>
                {
                    var (discriminatorLoss, generatorLoss) = gan.AdversarialStep(
                        FromPixels(images), randn(images.shape[0], NoiseSize), generatorOptimizer, discriminatorOptimizer);
                    discriminatorTotal += discriminatorLoss;
                    return generatorLoss;
                },
                (b, n, value) =>
                {
                    if (b < n)
                        progress?.Report(shown, options.Epochs, b, n, value, $"(generator) discriminator {discriminatorTotal / b:F4}");
                }));
            int batches = (real.Count + options.BatchSize - 1) / options.BatchSize;
            discriminatorLosses.Add(discriminatorTotal / batches);
            progress?.Report(shown, options.Epochs, batches, batches, generatorLosses[^1], $"(generator, epoch mean) discriminator {discriminatorLosses[^1]:F4}");
        }
        progress?.Complete();
        return new GanResult(discriminatorLosses, generatorLosses, clock.Elapsed);
    }

    /// <summary>
    /// Pixels 0 to 1 as the GAN models them, -1 to 1: centred inputs keep the discriminator's first layer from
    /// seeing a mostly-zero image, and the generator's tanh output matches.
    /// </summary>
    public static Tensor FromPixels(Tensor images) => images * 2 - 1;

    /// <summary>Generated values -1 to 1 back to pixels 0 to 1, for the classifier and the grids.</summary>
    public static Tensor ToPixels(Tensor generated) => (generated + 1) / 2;

    /// <summary>Classifies <paramref name="images"/> with <paramref name="classifier"/> (logits) and keeps the confident classes.</summary>
    public static Judgement Judge(Func<Tensor, Tensor> classifier, Tensor images)
    {
        using var scope = NewDisposeScope();
        var (confidence, label) = nn.functional.softmax(classifier(images), 1).max(1);
        var labels = label.where(confidence.ge(ConfidenceThreshold), -1).data<long>().ToArray();
        return new Judgement(labels.Select(l => (int)l).ToList());
    }

    /// <summary>
    /// Up to <paramref name="perClass"/> confidently classified samples of each digit, one row per digit 0 to 9,
    /// black where a digit has fewer: for a grid a person can check the classifier's verdicts against.
    /// </summary>
    public static Tensor ArrangeByClass(Tensor images, Judgement judgement, int perClass)
    {
        var rows = zeros(MnistDigits.ClassCount * perClass, 1, MnistDigits.ImageSize, MnistDigits.ImageSize);
        var filled = new int[MnistDigits.ClassCount];
        for (int i = 0; i < judgement.Count; i++)
        {
            int c = judgement.ConfidentLabels[i];
            if (c >= 0 && filled[c] < perClass)
                rows[c * perClass + filled[c]++].copy_(images[i]);
        }
        return rows;
    }

    /// <summary>
    /// The seed's CNN (samples/MnistCnn) to judge generated digits: loaded from <paramref name="path"/> if a
    /// previous run saved it there, else trained on the training split (10 epochs) and saved, so the first run
    /// is self-contained and later ones skip the training.
    /// </summary>
    public static MnistClassifier LoadOrTrainJudge(string path, MnistDigits train, MnistDigits test, ProgressBar? progress = null)
    {
        var classifier = new MnistClassifier();
        if (File.Exists(path))
        {
            classifier.load(path);
            Console.WriteLine($"Judge: the seed's CNN loaded from {path}");
        }
        else
        {
            Console.WriteLine($"Judge: training the seed's CNN (saved to {path} for later runs)");
            ClassifierTraining.Train(classifier, classifier.TrainStep, classifier.Predict, train, test, new ClassifierOptions(), progress);
            classifier.save(path);
        }
        Console.WriteLine($"Judge's held-out accuracy: {ClassifierTraining.Accuracy(classifier.Predict, test):P2}");
        return classifier;
    }
}
