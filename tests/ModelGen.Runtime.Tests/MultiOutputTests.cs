using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>Models whose [Forward] method returns a tuple of tensors.</summary>
public class MultiOutputTests
{
    [Fact]
    public void A_named_tuple_comes_back_from_forward_and_predict_with_the_declared_shapes()
    {
        using var scope = NewDisposeScope();
        var model = new ExplainedClassifier();
        var tokens = randint(0, 20, new long[] { 5, 7 });

        var (logits, weights) = model.forward(tokens);
        Assert.Equal(new long[] { 5, 3 }, logits.shape);
        Assert.Equal(new long[] { 5, 7, 7 }, weights.shape);

        var predicted = model.Predict(tokens);
        Assert.Equal(new long[] { 5, 3 }, predicted.Logits.shape);
        Assert.False(predicted.Weights.requires_grad);
        // Each query's attention weights over the keys sum to one.
        Assert.True(predicted.Weights.sum(new long[] { 2 }).allclose(ones(5, 7), rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void The_summary_shows_an_input_declared_as_token_ids_with_its_element_type()
    {
        Assert.Equal(new[] { "tokens: [N, T] Int64" }, ExplainedClassifier.Summary.Inputs);
        Assert.Equal(new[] { "x: [N, 12]" }, CodeAndReconstruction.Summary.Inputs);
    }

    [Fact]
    public void The_entry_guard_checks_a_multi_output_model_too()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new ExplainedClassifier().forward(randint(0, 20, new long[] { 5, 7, 1 })));
        Assert.Contains("tokens", error.Message);
    }

    [Fact]
    public void Train_step_with_a_loss_module_trains_the_first_output()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var model = new ExplainedClassifier();
        var tokens = randint(0, 20, new long[] { 16, 6 });
        var labels = randint(0, 3, new long[] { 16 });
        var optimizer = optim.Adam(model.parameters(), 0.05);
        var loss = nn.CrossEntropyLoss();

        float first = model.TrainStep(tokens, labels, optimizer, loss);
        float last = first;
        for (int step = 0; step < 30; step++)
        {
            last = model.TrainStep(tokens, labels, optimizer, loss);
        }
        // 16 fixed samples are memorised: chance is ln 3 = 1.10.
        Assert.True(last < first / 4, $"loss went from {first} to {last}");
    }

    [Fact]
    public void Train_step_with_a_loss_function_sees_every_output()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(4);
        var model = new CodeAndReconstruction();
        var x = randn(32, 12);
        var optimizer = optim.Adam(model.parameters(), 0.02);

        // A reconstruction loss on the second output plus a penalty on the first: both must fall.
        float Step() => model.TrainStep(x, optimizer, output =>
            nn.functional.mse_loss(output.Item2, x) + 0.1 * output.Item1.pow(2).mean());
        float first = Step();
        for (int step = 0; step < 100; step++)
        {
            Step();
        }
        using (no_grad())
        {
            var (code, reconstruction) = model.forward(x);
            float mse = nn.functional.mse_loss(reconstruction, x).item<float>();
            Assert.True(mse < first * 0.8, $"reconstruction error {mse} vs first loss {first}");
            Assert.Equal(new long[] { 32, 4 }, code.shape);
        }
    }

    [Fact]
    public void A_multi_output_submodel_is_read_by_deconstruction_and_by_element()
    {
        using var scope = NewDisposeScope();
        var model = new CodeClassifier();
        var output = model.forward(randn(6, 12));
        Assert.Equal(new long[] { 6, 2 }, output.shape);
        Assert.Equal("(Item1 [N, 4], Item2 [N, 12])", CodeClassifier.Summary.Rows[0].OutputShape);
        Assert.Equal(new[] { "autoencoder.decode.bias", "autoencoder.decode.weight", "autoencoder.encode.bias", "autoencoder.encode.weight", "head.bias", "head.weight" },
            model.state_dict().Keys.OrderBy(k => k, System.StringComparer.Ordinal));
    }
}
