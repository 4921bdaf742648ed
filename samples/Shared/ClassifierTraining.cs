using System;
using System.Collections.Generic;
using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ModelGen.Samples.Shared;

/// <summary>How a classifier is trained: epochs, batch size, learning rate and the seed that fixes everything random.</summary>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="BatchSize">Examples per step.</param>
/// <param name="LearningRate">Adam's learning rate.</param>
/// <param name="Seed">Seeds weight initialisation and the shuffling of every epoch.</param>
public sealed record ClassifierOptions(int Epochs = 10, int BatchSize = 32, double LearningRate = 1e-3, int Seed = 42)
{
    /// <summary>
    /// Lowers the learning rate after every step along a cosine, from <see cref="LearningRate"/> to zero at the
    /// last step, so the last epoch settles instead of bouncing (batch-norm networks gain most).
    /// </summary>
    public bool CosineDecay { get; init; }
}

/// <summary>What training produced: the mean loss of each epoch and the held-out accuracy after each epoch.</summary>
public sealed record ClassifierResult(IReadOnlyList<double> EpochLosses, IReadOnlyList<double> TestAccuracies, TimeSpan Elapsed)
{
    /// <summary>Held-out accuracy after the last epoch.</summary>
    public double FinalAccuracy => TestAccuracies[^1];
}

/// <summary>
/// Trains an image classifier with Adam and cross-entropy through the model's generated
/// <c>TrainStep</c>, and measures held-out accuracy through its generated <c>Predict</c>.
/// </summary>
public static class ClassifierTraining
{
    /// <summary>One training step of the model: (images, labels, optimizer, loss) → loss value.</summary>
    public delegate float TrainStep(Tensor images, Tensor labels, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss);

    /// <summary>Trains <paramref name="model"/> on <paramref name="train"/> and evaluates on <paramref name="test"/> after every epoch.</summary>
    public static ClassifierResult Train(
        nn.Module<Tensor, Tensor> model, TrainStep step, Func<Tensor, Tensor> predict,
        MnistDigits train, MnistDigits test, ClassifierOptions options, ProgressBar? progress = null) =>
        Train(model.parameters(), step, predict, train, test, options, progress);

    /// <summary>
    /// Trains only <paramref name="parameters"/> (a model's <c>TrainableParameters()</c> when part of it is frozen)
    /// on <paramref name="train"/>, and evaluates on <paramref name="test"/> after every epoch.
    /// </summary>
    public static ClassifierResult Train(
        IEnumerable<Parameter> parameters, TrainStep step, Func<Tensor, Tensor> predict,
        MnistDigits train, MnistDigits test, ClassifierOptions options, ProgressBar? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var optimizer = optim.Adam(parameters, options.LearningRate);
        var loss = nn.CrossEntropyLoss();
        var losses = new List<double>();
        var accuracies = new List<double>();
        int batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        var schedule = options.CosineDecay ? optim.lr_scheduler.CosineAnnealingLR(optimizer, options.Epochs * batches) : null;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            int shown = epoch + 1;
            losses.Add(Minibatches.RunEpoch(
                train, options.BatchSize, (ulong)(options.Seed * 1000 + epoch),
                (images, labels) =>
                {
                    float value = step(images, labels, optimizer, loss);
                    schedule?.step();
                    return value;
                },
                (b, n, value) => progress?.Report(shown, options.Epochs, b, n, value)));
            accuracies.Add(Accuracy(predict, test));
            progress?.Report(shown, options.Epochs, batches, batches, losses[^1], $"test accuracy {accuracies[^1]:P2}");
        }
        progress?.Complete();
        return new ClassifierResult(losses, accuracies, clock.Elapsed);
    }

    /// <summary>The fraction of <paramref name="data"/> whose most likely class is its label.</summary>
    public static double Accuracy(Func<Tensor, Tensor> predict, MnistDigits data, int batchSize = 500)
    {
        long correct = 0;
        for (int start = 0; start < data.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(batchSize, data.Count - start);
            var logits = predict(data.Images.narrow(0, start, count));
            correct += logits.argmax(1).eq(data.Labels.narrow(0, start, count)).sum().item<long>();
        }
        return (double)correct / data.Count;
    }
}
