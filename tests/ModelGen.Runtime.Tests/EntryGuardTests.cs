using ModelGen.Samples.MnistCnn;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>A wrong input shape throws the model's own exception, naming model, input, expected and actual shape.</summary>
public class EntryGuardTests
{
    [Fact]
    public void A_wrong_channel_count_names_the_model_the_input_and_both_shapes()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new MnistCnn().forward(zeros(64, 3, 28, 28)));
        Assert.Equal("MnistCnn: input 'x' must have shape [N, 1, 28, 28] but has shape [64, 3, 28, 28]: dimension 1 must be 1.", error.Message.Split(" (Parameter")[0]);
        Assert.Equal("MnistCnn", error.Model);
        Assert.Equal("x", error.Input);
        Assert.Equal(new long[] { 64, 3, 28, 28 }, error.Actual);
    }

    [Fact]
    public void A_wrong_rank_is_reported_before_any_layer_runs()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new MnistCnn().forward(zeros(64, 784)));
        Assert.Contains("expected 4 dimensions", error.Message);
    }

    [Fact]
    public void A_batch_size_mismatch_between_inputs_names_the_binding()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new ValueNetwork().forward(zeros(3, 4), zeros(5, 2)));
        Assert.Equal("action", error.Input);
        Assert.Contains("dimension 0 (N) must equal N of input 'state' = 3", error.Message);
    }

    [Fact]
    public void A_symbolic_size_too_small_for_a_kernel_is_reported_by_the_guard()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new ResidualBlock().forward(zeros(1, 8, 0, 4)));
        Assert.Equal("x", error.Input);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public void Any_batch_size_passes(int batch)
    {
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { batch, 10 }, new MnistCnn().forward(zeros(batch, 1, 28, 28)).shape);
    }

    [Fact]
    public void Any_spatial_size_passes_a_fully_convolutional_block()
    {
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 2, 8, 3, 9 }, new ResidualBlock().forward(zeros(2, 8, 3, 9)).shape);
    }
}
