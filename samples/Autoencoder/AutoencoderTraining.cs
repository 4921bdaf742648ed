using System;
using System.Collections.Generic;
using System.Diagnostics;
using ModelGen.Samples.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Samples.Autoencoder;

/// <summary>How the autoencoder is trained.</summary>
/// <param name="Epochs">Passes over the training digits.</param>
/// <param name="BatchSize">Digits per step.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="Seed">Seeds initialisation and shuffling.</param>
public sealed record AutoencoderOptions(int Epochs = 5, int BatchSize = 32, double LearningRate = 1e-3, int Seed = 42);

/// <summary>Mean per-pixel binary cross-entropy of each epoch, on the training digits and on held-out ones.</summary>
public sealed record AutoencoderResult(IReadOnlyList<double> EpochLosses, IReadOnlyList<double> TestLosses, TimeSpan Elapsed)
{
    /// <summary>Held-out loss after the last epoch.</summary>
    public double FinalTestLoss => TestLosses[^1];
}

/// <summary>Trains <see cref="ConvAutoencoder"/> to reproduce its input through the generated TrainStep, with the image as its own target.</summary>
public static class AutoencoderTraining
{
    /// <summary>Trains on <paramref name="train"/> and measures the reconstruction loss on <paramref name="test"/> after every epoch.</summary>
    public static AutoencoderResult Train(ConvAutoencoder model, MnistDigits train, MnistDigits test, AutoencoderOptions options, ProgressBar? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var loss = nn.BCELoss();
        var losses = new List<double>();
        var testLosses = new List<double>();
        int batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            int shown = epoch + 1;
            losses.Add(Minibatches.RunEpoch(
                train, options.BatchSize, (ulong)(options.Seed * 1000 + epoch),
                (images, _) => model.TrainStep(images, images, optimizer, loss),
                (b, n, value) => progress?.Report(shown, options.Epochs, b, n, value)));
            testLosses.Add(ReconstructionLoss(model, test));
            progress?.Report(shown, options.Epochs, batches, batches, losses[^1], $"held-out BCE {testLosses[^1]:F4}");
        }
        progress?.Complete();
        return new AutoencoderResult(losses, testLosses, clock.Elapsed);
    }

    /// <summary>Mean per-pixel binary cross-entropy between <paramref name="data"/> and its reconstruction, in evaluation mode.</summary>
    public static double ReconstructionLoss(ConvAutoencoder model, MnistDigits data, int batchSize = 500)
    {
        double total = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var images = data.Images.narrow(0, start, Math.Min(batchSize, data.Count - start));
            total += nn.functional.binary_cross_entropy(model.Predict(images), images, reduction: nn.Reduction.Sum).item<float>();
        }
        return total / ((double)data.Count * MnistDigits.PixelsPerImage);
    }

    /// <summary>
    /// The first <paramref name="count"/> digits of <paramref name="data"/> and their reconstructions, in
    /// alternating rows of <paramref name="columns"/>: originals, then what the model made of them.
    /// </summary>
    public static Tensor OriginalsAndReconstructions(ConvAutoencoder model, MnistDigits data, int count, int columns)
    {
        if (count % columns != 0)
            throw new ArgumentException($"{count} digits do not fill rows of {columns}", nameof(count));
        var originals = data.Images.narrow(0, 0, count);
        var reconstructions = model.Predict(originals);
        var rows = new List<Tensor>();
        for (int start = 0; start < count; start += columns)
        {
            rows.Add(originals.narrow(0, start, columns));
            rows.Add(reconstructions.narrow(0, start, columns));
        }
        return cat(rows, 0);
    }
}
