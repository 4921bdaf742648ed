using System.Linq;
using ModelGen.Samples.DenseRegression;
using ModelGen.Samples.DropoutMlp;
using ModelGen.Samples.MnistCnn;
using ModelGen.Samples.Shared;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>
/// Short, seeded versions of the samples: each must show that learning happened by a stated margin.
/// The full targets are reached by running the samples (docs/samples.md).
/// </summary>
public class TrainingTests
{
    [Fact]
    public void Dense_regression_recovers_the_line()
    {
        var result = RegressionTraining.Train(epochs: 20, seed: 7);
        Assert.InRange(result.Slope, RegressionTraining.TrueSlope - 0.05, RegressionTraining.TrueSlope + 0.05);
        Assert.InRange(result.Intercept, RegressionTraining.TrueIntercept - 0.05, RegressionTraining.TrueIntercept + 0.05);
        Assert.True(result.EpochLosses[^1] < result.EpochLosses[0] / 10, $"loss {result.EpochLosses[0]} -> {result.EpochLosses[^1]} did not drop tenfold");
    }

    [Fact]
    public void Mnist_cnn_learns_digits_in_one_short_epoch()
    {
        random.manual_seed(11);
        using var digits = MnistDigits.Load();
        var (train, test) = digits.Split(trainCount: 2000, testCount: 1000, seed: 5);
        var model = new MnistCnn();
        var result = ClassifierTraining.Train(model, model.TrainStep, model.Predict, train, test, new ClassifierOptions(Epochs: 1, Seed: 11));

        // Chance is 10%; one epoch over 2,000 digits reaches well above 80%.
        Assert.True(result.FinalAccuracy > 0.80, $"accuracy {result.FinalAccuracy:P1}");
    }

    [Fact]
    public void Dropout_mlp_learns_digits_and_loss_drops()
    {
        random.manual_seed(12);
        using var digits = MnistDigits.Load();
        var (train, test) = digits.Split(trainCount: 2000, testCount: 1000, seed: 6);
        var model = new DropoutMlp();
        var result = ClassifierTraining.Train(model, model.TrainStep, model.Predict, train, test, new ClassifierOptions(Epochs: 2, Seed: 12));

        Assert.True(result.EpochLosses[1] < result.EpochLosses[0], string.Join(", ", result.EpochLosses));
        Assert.True(result.FinalAccuracy > 0.75, $"accuracy {result.FinalAccuracy:P1}");
    }

    [Fact]
    public void Train_step_leaves_no_tensor_alive()
    {
        random.manual_seed(13);
        var model = new MnistCnn();
        var optimizer = optim.Adam(model.parameters());
        var loss = nn.CrossEntropyLoss();
        using var x = randn(8, 1, 28, 28);
        using var y = randint(0, 10, 8);
        model.TrainStep(x, y, optimizer, loss);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 20; i++)
        {
            model.TrainStep(x, y, optimizer, loss);
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
