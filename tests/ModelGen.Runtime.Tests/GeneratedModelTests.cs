using System.Linq;
using ModelGen.Samples.DenseRegression;
using ModelGen.Samples.DropoutMlp;
using ModelGen.Samples.MnistCnn;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>
/// The generated models run on libtorch: forward and backward on CPU, every parameter receives a
/// gradient, and the output equals a hand-written TorchSharp module holding the same weights.
/// </summary>
public class GeneratedModelTests
{
    private static void AssertEveryParameterGetsAGradient(nn.Module model, Tensor output)
    {
        output.sum().backward();
        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} received no gradient");
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{name} received an all-zero gradient");
        }
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        double difference = (expected - actual).abs().max().item<float>();
        Assert.True(difference <= 1e-6, $"outputs differ by {difference}");
    }

    [Fact]
    public void Mnist_cnn_matches_a_hand_written_module_and_trains_every_parameter()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var model = new MnistCnn();
        var handWritten = new HandWrittenCnn();
        handWritten.load_state_dict(model.state_dict());
        var x = randn(5, 1, 28, 28);

        AssertClose(handWritten.forward(x), model.forward(x));
        AssertEveryParameterGetsAGradient(model, model.forward(x));
    }

    [Fact]
    public void Dropout_mlp_matches_a_hand_written_module_in_eval_mode()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(2);
        var model = new DropoutMlp();
        var handWritten = new HandWrittenMlp();
        handWritten.load_state_dict(model.state_dict());
        handWritten.eval();
        var x = randn(4, 1, 28, 28);

        AssertClose(handWritten.forward(x), model.Predict(x));
        model.train();
        AssertEveryParameterGetsAGradient(model, model.forward(x));
    }

    [Fact]
    public void Dropout_is_active_in_training_and_off_in_predict()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var model = new DropoutMlp();
        var x = randn(8, 1, 28, 28);
        model.train();
        Assert.False(model.forward(x).allclose(model.forward(x)), "two training-mode passes should drop different units");
        Assert.True(model.Predict(x).allclose(model.Predict(x)));
    }

    [Fact]
    public void Dense_regression_matches_a_plain_linear()
    {
        using var scope = NewDisposeScope();
        var model = new LinearRegression();
        var linear = nn.Linear(1, 1);
        linear.weight = model.Dense.weight;
        linear.bias = model.Dense.bias;
        var x = randn(7, 1);
        AssertClose(linear.forward(x), model.forward(x));
        AssertEveryParameterGetsAGradient(model, model.forward(x));
    }

    [Fact]
    public void State_dict_names_read_like_pytorch()
    {
        Assert.Equal(new[] { "conv1.bias", "conv1.weight", "fc.bias", "fc.weight" }, new MnistCnn().state_dict().Keys.OrderBy(k => k));
        var block = new ResidualBlock().state_dict().Keys.ToHashSet();
        Assert.Contains("bn1.running_mean", block);
        Assert.Contains("bn2.num_batches_tracked", block);
        Assert.Contains("conv2.weight", block);
    }

    [Fact]
    public void Residual_block_matches_a_hand_written_block_and_keeps_spatial_size()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(4);
        var model = new ResidualBlock();
        var handWritten = new HandWrittenResidualBlock();
        handWritten.load_state_dict(model.state_dict());
        var x = randn(2, 8, 5, 7);

        AssertClose(handWritten.forward(x), model.forward(x));
        Assert.Equal(new long[] { 2, 8, 5, 7 }, model.forward(x).shape);
        AssertEveryParameterGetsAGradient(model, model.forward(x));
    }

    [Fact]
    public void Two_input_model_runs_forward_and_backward()
    {
        using var scope = NewDisposeScope();
        var model = new ValueNetwork();
        var output = model.forward(randn(3, 4), randn(3, 2));
        Assert.Equal(new long[] { 3, 1 }, output.shape);
        AssertEveryParameterGetsAGradient(model, output);
    }

    [Fact]
    public void Summary_is_computed_at_compile_time_like_keras()
    {
        var summary = MnistCnn.Summary;
        Assert.Equal(new[] { "[N, 32, 26, 26]", "[N, 32, 13, 13]", "[N, 5408]", "[N, 10]" }, summary.Rows.Select(r => r.OutputShape));
        Assert.Equal(32 * 9 + 32 + 5408 * 10 + 10, summary.TotalParameters);
        Assert.Equal(new MnistCnn().parameters().Sum(p => p.numel()), summary.TotalParameters);
        Assert.Contains("Total params: 54,410", summary.ToString());
    }

    [Fact]
    public void Summary_parameter_counts_equal_the_modules_for_every_model()
    {
        Assert.Equal(new DropoutMlp().parameters().Sum(p => p.numel()), DropoutMlp.Summary.TotalParameters);
        Assert.Equal(new ResidualBlock().parameters().Sum(p => p.numel()), ResidualBlock.Summary.TotalParameters);
        Assert.Equal(new ValueNetwork().parameters().Sum(p => p.numel()), ValueNetwork.Summary.TotalParameters);
        Assert.Equal(2, LinearRegression.Summary.TotalParameters);
    }

    [Fact]
    public void Every_layer_attribute_builds_a_module_that_runs_with_the_inferred_sizes()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var model = new EveryLayer();
        var output = model.forward(randn(3, 3, 16, 16));

        Assert.Equal(new long[] { 3, 10 }, output.shape);
        Assert.Equal("[N, 10]", EveryLayer.Summary.Rows[^1].OutputShape);
        Assert.Equal(model.parameters().Sum(p => p.numel()), EveryLayer.Summary.TotalParameters);
        Assert.Equal(new long[] { 6, 4, 3 }, model.Conv1d.weight!.shape);
        Assert.Equal(new long[] { 32, 96 }, model.Hidden.weight!.shape);
        Assert.Null(model.Hidden.bias);
        Assert.Null(model.Norm1d.weight);
        AssertEveryParameterGetsAGradient(model, output);
    }

    private sealed class HandWrittenCnn : nn.Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = nn.Conv2d(1, 32, 3);
        private readonly MaxPool2d pool = nn.MaxPool2d(2);
        private readonly Linear fc = nn.Linear(5408, 10);

        public HandWrittenCnn() : base(nameof(HandWrittenCnn)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc.forward(pool.forward(nn.functional.relu(conv1.forward(x))).flatten(1));
    }

    private sealed class HandWrittenMlp : nn.Module<Tensor, Tensor>
    {
        private readonly Linear hidden = nn.Linear(784, 64);
        private readonly Dropout dropout = nn.Dropout(0.5);
        private readonly Linear output = nn.Linear(64, 10);

        public HandWrittenMlp() : base(nameof(HandWrittenMlp)) => RegisterComponents();

        public override Tensor forward(Tensor x) => output.forward(dropout.forward(nn.functional.relu(hidden.forward(x.flatten(1)))));
    }

    private sealed class HandWrittenResidualBlock : nn.Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1 = nn.Conv2d(8, 8, 3, padding: 1, bias: false);
        private readonly BatchNorm2d bn1 = nn.BatchNorm2d(8);
        private readonly Conv2d conv2 = nn.Conv2d(8, 8, 3, padding: 1, bias: false);
        private readonly BatchNorm2d bn2 = nn.BatchNorm2d(8);

        public HandWrittenResidualBlock() : base(nameof(HandWrittenResidualBlock)) => RegisterComponents();

        public override Tensor forward(Tensor x) =>
            nn.functional.relu(bn2.forward(conv2.forward(nn.functional.relu(bn1.forward(conv1.forward(x))))) + x);
    }
}
