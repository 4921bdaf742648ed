using System.Linq;
using ModelGen.Samples.CustomBatchNorm;
using ModelGen.Samples.Shared;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Samples.Tests;

/// <summary>samples/CustomBatchNorm: the sample's own layer matches nn.BatchNorm2d, and the CNN built on it learns.</summary>
public class CustomBatchNormTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void The_layer_equals_torch_batch_norm_in_training_and_evaluation_over_several_steps(double momentum)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(17);
        var custom = new CustomBatchNorm2d(6, momentum);
        var reference = nn.BatchNorm2d(6, momentum: momentum);
        for (int step = 0; step < 5; step++)
        {
            custom.train();
            reference.train();
            var x = (randn(4, 6, 3, 5) * 2 + 1).requires_grad_();
            var xRef = x.detach().clone().requires_grad_();
            var weights = randn(4, 6, 3, 5);
            var output = custom.forward(x);
            var expected = reference.forward(xRef);
            (output * weights).sum().backward();
            (expected * weights).sum().backward();

            Assert.True(expected.allclose(output, rtol: 0, atol: 1e-5), $"training output differs at step {step}");
            Assert.True(xRef.grad!.allclose(x.grad!, rtol: 0, atol: 1e-5), $"input gradient differs at step {step}");
            Assert.True(reference.weight!.grad!.allclose(custom.Gamma.grad!, rtol: 0, atol: 1e-4), $"gamma gradient differs at step {step}");
            Assert.True(reference.running_mean!.allclose(custom.RunningMean, rtol: 0, atol: 1e-5), $"running mean differs at step {step}");
            Assert.True(reference.running_var!.allclose(custom.RunningVar, rtol: 0, atol: 1e-5), $"running variance differs at step {step}");
            custom.zero_grad();
            reference.zero_grad();

            custom.eval();
            reference.eval();
            var test = randn(2, 6, 3, 5);
            Assert.True(reference.forward(test).allclose(custom.forward(test), rtol: 0, atol: 1e-5), $"evaluation output differs after step {step}");
        }
    }

    [Fact]
    public void Each_use_of_the_layer_infers_its_width_and_nests_its_buffers_in_the_state_dict()
    {
        var model = new BatchNormCnn();
        Assert.Equal(32, model.Norm1.NumFeatures);
        Assert.Equal(64, model.Norm2.NumFeatures);
        var keys = model.state_dict().Keys.ToHashSet();
        Assert.Contains("norm1.running_mean", keys);
        Assert.Contains("norm2.running_var", keys);
        Assert.Contains("norm2.gamma", keys);
    }

    [Fact]
    public void Training_updates_the_running_statistics_and_prediction_leaves_them_alone()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(18);
        var model = new BatchNormCnn();
        var x = rand(16, 1, 28, 28);
        var before = model.Norm2.RunningMean.clone();

        model.TrainStep(x, randint(0, 10, 16), optim.Adam(model.parameters()), nn.CrossEntropyLoss());
        var afterTraining = model.Norm2.RunningMean.clone();
        model.Predict(x);

        Assert.False(before.allclose(afterTraining));
        Assert.True(afterTraining.allclose(model.Norm2.RunningMean, rtol: 0, atol: 0));
    }

    [Fact]
    public void The_cnn_learns_digits_in_one_short_epoch()
    {
        random.manual_seed(19);
        using var digits = MnistDigits.Load();
        var (train, test) = digits.Split(trainCount: 2000, testCount: 1000, seed: 19);
        var model = new BatchNormCnn();

        var result = ClassifierTraining.Train(model, model.TrainStep, model.Predict, train, test, new ClassifierOptions(Epochs: 1, Seed: 19));

        // Chance is 10%; evaluated with the running statistics, one epoch over 2,000 digits passes 85%.
        Assert.True(result.FinalAccuracy > 0.85, $"accuracy {result.FinalAccuracy:P1}");
    }
}
