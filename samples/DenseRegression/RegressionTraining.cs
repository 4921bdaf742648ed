using System;
using System.Collections.Generic;
using ModelGen.Samples.Shared;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Samples.DenseRegression;

/// <summary>What the regression learned: its loss per epoch and the fitted slope and intercept.</summary>
public sealed record RegressionResult(IReadOnlyList<double> EpochLosses, double Slope, double Intercept);

/// <summary>Fits y = a*x + b (with noise) with the generated model's TrainStep and plain SGD, as the seed's Q1 does.</summary>
public static class RegressionTraining
{
    /// <summary>The line the data is drawn from.</summary>
    public const double TrueSlope = 2.0;

    /// <summary>The line the data is drawn from.</summary>
    public const double TrueIntercept = -1.0;

    /// <summary>Trains on 1,000 noisy points of the line for <paramref name="epochs"/> epochs of batch 32.</summary>
    public static RegressionResult Train(int epochs = 100, int seed = 42, ProgressBar? progress = null)
    {
        random.manual_seed(seed);
        var x = rand(1000, 1) * 4 - 2;
        var y = TrueSlope * x + TrueIntercept + 0.1 * randn(1000, 1);

        var model = new LinearRegression();
        var optimizer = optim.SGD(model.parameters(), 0.05);
        var loss = nn.MSELoss();
        var losses = new List<double>();
        const int batch = 32;
        int batches = (1000 + batch - 1) / batch;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double total = 0;
            var order = randperm(1000);
            for (int b = 0; b < batches; b++)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, b * batch, Math.Min(batch, 1000 - b * batch));
                total += model.TrainStep(x.index_select(0, index), y.index_select(0, index), optimizer, loss);
                progress?.Report(epoch + 1, epochs, b + 1, batches, total / (b + 1));
            }
            losses.Add(total / batches);
        }
        progress?.Complete();
        return new RegressionResult(losses, model.Dense.weight!.item<float>(), model.Dense.bias!.item<float>());
    }
}
