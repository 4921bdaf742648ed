using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ModelGen.Samples.Shared;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace ModelGen.Samples.TransferLearning;

/// <summary>How the experiment runs.</summary>
/// <param name="PretrainEpochs">Epochs of pretraining on digits 0-4 (about 4,000 of them).</param>
/// <param name="FineTuneEpochs">Epochs on the small set of digits 5-9, for the transferred and the from-scratch model alike.</param>
/// <param name="PerClass">Labelled digits per class in the small set.</param>
/// <param name="Repeats">Small sets drawn (each with its own seed); the accuracies are averaged over them.</param>
/// <param name="Seed">Seeds pretraining; repeat r uses Seed + 1 + r.</param>
public sealed record TransferOptions(int PretrainEpochs = 3, int FineTuneEpochs = 30, int PerClass = 50, int Repeats = 3, int Seed = 42);

/// <summary>Held-out accuracies on digits 5-9: the transferred model's and the from-scratch model's, per repeat.</summary>
public sealed record TransferResult(
    double PretrainAccuracy, IReadOnlyList<ClassifierResult> Transferred, IReadOnlyList<ClassifierResult> Scratch, TimeSpan Elapsed)
{
    /// <summary>The transferred model's final held-out accuracy, averaged over the repeats.</summary>
    public double TransferredAccuracy => Transferred.Average(r => r.FinalAccuracy);

    /// <summary>The from-scratch model's final held-out accuracy, averaged over the repeats.</summary>
    public double ScratchAccuracy => Scratch.Average(r => r.FinalAccuracy);
}

/// <summary>
/// Transfer learning done right (the seed's Q9/Q19/Q26): pretrain a backbone on digits 0-4, save it, load it
/// frozen under a new head for digits 5-9, and train the head on 50 digits per class; compare with the same
/// architecture trained from scratch on the same 50 per class.
/// </summary>
public static class TransferExperiment
{
    /// <summary>The backbone in TorchSharp's own format.</summary>
    public const string BackboneFile = "backbone.dat";

    /// <summary>The backbone as safetensors, which PyTorch reads (safetensors.torch.load_file).</summary>
    public const string SafetensorsFile = "backbone.safetensors";

    /// <summary>Runs the whole experiment; the backbone files are written to <paramref name="directory"/>.</summary>
    public static TransferResult Run(MnistDigits train, MnistDigits test, string directory, TransferOptions options, ProgressBar? progress = null)
    {
        var clock = Stopwatch.StartNew();
        using var lowTrain = train.OfClasses(0, 5);
        using var lowTest = test.OfClasses(0, 5);
        using var highTrain = train.OfClasses(5, 5);
        using var highTest = test.OfClasses(5, 5);

        random.manual_seed(options.Seed);
        var pretrained = new DigitClassifier();
        var pretraining = ClassifierTraining.Train(pretrained, pretrained.TrainStep, pretrained.Predict, lowTrain, lowTest,
            new ClassifierOptions(Epochs: options.PretrainEpochs, Seed: options.Seed), progress);
        SaveBackbone(pretrained.Backbone, directory);

        var transferred = new List<ClassifierResult>();
        var scratch = new List<ClassifierResult>();
        for (int repeat = 0; repeat < options.Repeats; repeat++)
        {
            int seed = options.Seed + 1 + repeat;
            using var few = highTrain.TakePerClass(options.PerClass, (ulong)seed);
            var fineTune = new ClassifierOptions(Epochs: options.FineTuneEpochs, Seed: seed);

            random.manual_seed(seed);
            var transfer = LoadFrozen(Path.Combine(directory, BackboneFile));
            transferred.Add(ClassifierTraining.Train(transfer.TrainableParameters(), transfer.TrainStep, transfer.Predict, few, highTest, fineTune));

            random.manual_seed(seed);
            var baseline = new DigitClassifier();
            scratch.Add(ClassifierTraining.Train(baseline, baseline.TrainStep, baseline.Predict, few, highTest, fineTune));
            Console.WriteLine($"Repeat {repeat + 1}/{options.Repeats} ({few.Count} digits): transferred {transferred[^1].FinalAccuracy:P2}, from scratch {scratch[^1].FinalAccuracy:P2}");
        }
        return new TransferResult(pretraining.FinalAccuracy, transferred, scratch, clock.Elapsed);
    }

    /// <summary>Saves <paramref name="backbone"/> in TorchSharp's format and as safetensors.</summary>
    public static void SaveBackbone(DigitFeatures backbone, string directory)
    {
        backbone.save(Path.Combine(directory, BackboneFile));
        backbone.save_safetensors(Path.Combine(directory, SafetensorsFile));
    }

    /// <summary>
    /// A classifier for digits 5-9 whose backbone is read from <paramref name="backbonePath"/> (TorchSharp's
    /// format) and frozen; its head starts fresh.
    /// </summary>
    public static FrozenDigitClassifier LoadFrozen(string backbonePath)
    {
        var model = new FrozenDigitClassifier();
        // Loading copies values into the existing (frozen) parameters, so they stay out of TrainableParameters().
        model.Backbone.load(backbonePath);
        return model;
    }
}
