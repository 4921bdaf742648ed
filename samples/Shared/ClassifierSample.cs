using System;
using System.Globalization;
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
        Func<(nn.Module<Tensor, Tensor> Model, ClassifierTraining.TrainStep Step, Func<Tensor, Tensor> Predict)> create)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        Console.WriteLine(summary);

        var options = new ClassifierOptions(Epochs: epochs);
        random.manual_seed(options.Seed);
        using var digits = MnistDigits.Load();
        var (train, test) = digits.Split();
        var (model, step, predict) = create();
        var result = ClassifierTraining.Train(model, step, predict, train, test, options, new ProgressBar());
        Console.WriteLine($"Final training loss: {result.EpochLosses[^1]:F4}");
        Console.WriteLine($"Held-out accuracy ({test.Count} digits): {result.FinalAccuracy:P2} after {epochs} epochs in {result.Elapsed.TotalSeconds:F1} s");
        return result;
    }
}
