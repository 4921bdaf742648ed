using System;
using static TorchSharp.torch;

namespace ModelGen.Samples.Shared;

/// <summary>One pass over a data set in shuffled minibatches: the loop every sample's training shares.</summary>
public static class Minibatches
{
    /// <summary>
    /// Calls <paramref name="step"/> on every batch of <paramref name="data"/>, in an order fixed by
    /// <paramref name="shuffleSeed"/>, each inside its own dispose scope so native memory stays flat.
    /// </summary>
    /// <param name="data">The digits to go through.</param>
    /// <param name="batchSize">Digits per batch; the last batch takes what is left.</param>
    /// <param name="shuffleSeed">Fixes the order (use a different one every epoch).</param>
    /// <param name="step">Trains on (images, labels) and returns the loss to report.</param>
    /// <param name="batchDone">Told (batch, batches, loss) after each batch, counting from 1: a progress bar's hook.</param>
    /// <returns>The mean of the batches' losses.</returns>
    public static double RunEpoch(
        MnistDigits data, int batchSize, ulong shuffleSeed, Func<Tensor, Tensor, double> step,
        Action<int, int, double>? batchDone = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var order = MnistDigits.Permutation(data.Count, shuffleSeed);
        int batches = (data.Count + batchSize - 1) / batchSize;
        double total = 0;
        for (int b = 0; b < batches; b++)
        {
            using var scope = NewDisposeScope();
            int start = b * batchSize;
            int count = Math.Min(batchSize, data.Count - start);
            var index = tensor(order.AsSpan(start, count).ToArray()).to(int64);
            double value = step(data.Images.index_select(0, index), data.Labels.index_select(0, index));
            total += value;
            batchDone?.Invoke(b + 1, batches, value);
        }
        return total / batches;
    }
}
