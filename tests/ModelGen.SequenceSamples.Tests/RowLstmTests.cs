using ModelGen.Samples.Shared;
using Xunit;
using static TorchSharp.torch;
using RowLstmModel = ModelGen.Samples.RowLstm.RowLstm;

namespace ModelGen.SequenceSamples.Tests;

/// <summary>The row-by-row LSTM's shapes, and a short seeded run on real digits.</summary>
public class RowLstmTests
{
    [Fact]
    public void The_lower_lstm_hands_on_every_row_and_the_upper_only_its_last_step()
    {
        Assert.Equal("[N, 28, 28]", RowLstmModel.Summary.Rows[1].OutputShape);
        Assert.Equal("[N, 28, 64]", RowLstmModel.Summary.Rows[2].OutputShape);
        Assert.Equal("[N, 64]", RowLstmModel.Summary.Rows[3].OutputShape);
        Assert.Equal("[N, 10]", RowLstmModel.Summary.Rows[4].OutputShape);
    }

    [Fact]
    public void A_short_seeded_run_reads_digits_row_by_row_far_better_than_chance()
    {
        // Chance is 10 %. Three epochs on 2,000 digits are far from the sample's 95 %, but must reach 60 %.
        random.manual_seed(1);
        using var digits = MnistDigits.Load();
        var (train, test) = digits.Split(trainCount: 2000, testCount: 500);
        var model = new RowLstmModel();

        var result = ClassifierTraining.Train(model, model.TrainStep, model.Predict, train, test,
            new ClassifierOptions(Epochs: 3, BatchSize: 64, LearningRate: 2e-3, Seed: 1));

        Assert.True(result.FinalAccuracy >= 0.60, $"held-out accuracy {result.FinalAccuracy:P1}, per epoch {string.Join(", ", result.TestAccuracies)}");
    }
}
