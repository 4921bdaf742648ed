using System;
using System.Collections.Generic;
using System.Diagnostics;
using static TorchSharp.torch;

namespace ModelGen.Samples.Shared;

/// <summary>
/// Epochs of shuffled minibatches over data held as tensors of any kind (token ids, counts, several inputs):
/// the caller picks a batch's rows by index, so one loop serves every model.
/// </summary>
public static class IndexedTraining
{
    /// <summary>
    /// Runs the options' epochs over <paramref name="count"/> training rows and evaluates after each.
    /// </summary>
    /// <param name="count">Training rows.</param>
    /// <param name="step">Trains on the rows at the given int64 indices and returns the loss.</param>
    /// <param name="evaluate">The held-out accuracy now.</param>
    /// <param name="options">Epochs, batch size and seed (which fixes every epoch's order); the learning rate is the caller's.</param>
    /// <param name="name">What is training, shown on the progress line.</param>
    /// <param name="progress">Where to show progress, if anywhere.</param>
    public static ClassifierResult Train(
        int count, Func<Tensor, float> step, Func<double> evaluate, ClassifierOptions options, string name, ProgressBar? progress = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var losses = new List<double>();
        var accuracies = new List<double>();
        int batches = (count + options.BatchSize - 1) / options.BatchSize;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = MnistDigits.Permutation(count, (ulong)(options.Seed * 1000 + epoch));
            double total = 0;
            for (int b = 0; b < batches; b++)
            {
                using var scope = NewDisposeScope();
                int start = b * options.BatchSize;
                total += step(tensor(order.AsSpan(start, Math.Min(options.BatchSize, count - start)).ToArray()).to(int64));
                if (b + 1 < batches)
                    progress?.Report(epoch + 1, options.Epochs, b + 1, batches, total / (b + 1), name);
            }
            losses.Add(total / batches);
            accuracies.Add(evaluate());
            progress?.Report(epoch + 1, options.Epochs, batches, batches, losses[^1], $"{name}: test accuracy {accuracies[^1]:P2}");
        }
        progress?.Complete();
        return new ClassifierResult(losses, accuracies, clock.Elapsed);
    }

    /// <summary>The fraction of rows whose largest logit is at their label.</summary>
    public static double Accuracy(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        return logits.argmax(1).eq(labels).to(float64).mean().item<double>();
    }
}
