using System;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace ModelGen.Samples.Shared;

/// <summary>The command line of the MNIST classifier samples: print the summary, train with a progress bar, report.</summary>
public static class ClassifierSample
{
    /// <summary>
    /// Runs a classifier sample: the first argument, if any, is the number of epochs (default 10).
    /// <paramref name="create"/> builds the model once the seed is set, so initialisation is reproducible.
    /// </summary>
    public static ClassifierResult Run(
        string[] args, string summary,
        Func<(nn.Module<Tensor, Tensor> Model, ClassifierTraining.TrainStep Step, Func<Tensor, Tensor> Predict)> create) =>
        Run(args, summary, new ClassifierOptions(), create);

    /// <summary>
    /// Runs a classifier sample with <paramref name="defaults"/>; the first argument, if any, overrides the number of epochs.
    /// <paramref name="create"/> builds the model once the seed is set, so initialisation is reproducible.
    /// </summary>
    public static ClassifierResult Run(
        string[] args, string summary, ClassifierOptions defaults,
        Func<(nn.Module<Tensor, Tensor> Model, ClassifierTraining.TrainStep Step, Func<Tensor, Tensor> Predict)> create)
    {
        int epochs = SampleCommandLine.Start(args, defaults.Epochs, summary);
        var options = defaults with { Epochs = epochs };
        random.manual_seed(options.Seed);
        using var digits = MnistDigits.Load();
        var (train, test) = digits.Split();
        var (model, step, predict) = create();
        var result = ClassifierTraining.Train(model, step, predict, train, test, options, new ProgressBar());
        Console.WriteLine($"Final training loss: {result.EpochLosses[^1]:F4}");
        Console.WriteLine($"Held-out accuracy ({test.Count} digits): {result.FinalAccuracy:P2} after {epochs} epochs in {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }

    /// <summary>
    /// Saves the training loss and the held-out error (1 - accuracy) per epoch as <c>loss.png</c> in the
    /// sample's <c>out</c> folder, and prints where.
    /// </summary>
    public static string SaveCurves(string sample, ClassifierResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string path = Path.Combine(SampleOutput.Directory(sample), "loss.png");
        TrainingPlot.Save(path, $"{sample} on MNIST", "value",
            ("training loss (cross-entropy)", result.EpochLosses),
            ("held-out error (1 - accuracy)", result.TestAccuracies.Select(a => 1 - a).ToList()));
        Console.WriteLine($"Loss curve: {path}");
        return path;
    }
}
