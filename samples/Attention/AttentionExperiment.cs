using System;
using ModelGen.Samples.Shared;
using static TorchSharp.torch;

namespace ModelGen.Samples.Attention;

/// <summary>The marker task's size and how the model is trained.</summary>
/// <param name="TrainCount">Training sequences.</param>
/// <param name="TestCount">Held-out sequences, drawn with another seed.</param>
/// <param name="Length">Tokens per sequence.</param>
/// <param name="Training">Epochs, batch size, learning rate and seed.</param>
public sealed record AttentionOptions(int TrainCount, int TestCount, int Length, ClassifierOptions Training)
{
    /// <summary>The sample's run: 10,000 training and 2,000 held-out sequences of 16 tokens.</summary>
    public static AttentionOptions Default { get; } = new(10_000, 2_000, 16, new ClassifierOptions(Epochs: 3, BatchSize: 64, LearningRate: 3e-3));
}

/// <summary>Trains <see cref="MarkerAttention"/> on the marker task and reads one of its attention maps.</summary>
public static class AttentionExperiment
{
    /// <summary>Trains a new model (initialised from the options' seed) and returns it with its curves.</summary>
    public static (MarkerAttention Model, ClassifierResult Result) Train(AttentionOptions options, ProgressBar? progress = null)
    {
        var seed = options.Training.Seed;
        var (tokens, labels, _) = MarkerTask.Generate(options.TrainCount, options.Length, seed);
        var (testTokens, testLabels, _) = MarkerTask.Generate(options.TestCount, options.Length, seed + 1);
        random.manual_seed(seed);
        var model = new MarkerAttention();
        var optimizer = optim.Adam(model.parameters(), options.Training.LearningRate);
        var loss = nn.CrossEntropyLoss();
        var result = IndexedTraining.Train(
            options.TrainCount,
            rows => model.TrainStep(tokens.index_select(0, rows), labels.index_select(0, rows), optimizer, loss),
            () => IndexedTraining.Accuracy(model.Predict(testTokens).Logits, testLabels),
            options.Training, "attention", progress);
        return (model, result);
    }

    /// <summary>
    /// The attention weights [T, T] (query position by key position, averaged over heads) the model computes
    /// for one sequence of token ids [T]: its second output.
    /// </summary>
    public static double[,] AttentionMap(MarkerAttention model, Tensor sequence)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var map = model.Predict(sequence.unsqueeze(0)).Weights.squeeze(0).to(float64);
        int length = (int)map.shape[0];
        var values = map.data<double>().ToArray();
        var result = new double[length, length];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(double));
        return result;
    }
}
