using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ModelGen.Runtime.Tests;

/// <summary>Recurrent, attention, embedding and transposed-convolution layers, generated and run.</summary>
public class SequenceTests
{
    private static void AssertTrains(nn.Module model, ModelSummary summary, Tensor output)
    {
        output.sum().backward();
        Assert.All(model.named_parameters(), p => Assert.True(p.parameter.grad is not null, p.name + " received no gradient"));
        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
    }

    [Fact]
    public void Stacked_lstms_read_an_image_row_by_row()
    {
        using var scope = NewDisposeScope();
        var model = new RowLstm();
        var output = model.forward(randn(3, 28, 28));
        Assert.Equal(new long[] { 3, 10 }, output.shape);
        Assert.Equal("[N, 28, 32]", RowLstm.Summary.Rows[0].OutputShape);
        Assert.Equal("[N, 32]", RowLstm.Summary.Rows[1].OutputShape);
        AssertTrains(model, RowLstm.Summary, output);
    }

    [Fact]
    public void Token_ids_flow_through_embedding_lstm_and_attention()
    {
        using var scope = NewDisposeScope();
        var model = new AttentionClassifier();
        var output = model.forward(randint(0, 20, new long[] { 5, 9 }));
        Assert.Equal(new long[] { 5, 4 }, output.shape);
        AssertTrains(model, AttentionClassifier.Summary, output);
    }

    [Fact]
    public void Real_values_where_token_ids_are_declared_are_rejected_at_the_entry()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new AttentionClassifier().forward(zeros(5, 9)));
        Assert.Contains("its elements must be Int64, not Float32", error.Message);
    }

    [Fact]
    public void A_sequence_longer_than_the_positional_encoding_is_rejected_at_the_entry()
    {
        using var scope = NewDisposeScope();
        var error = Assert.Throws<ModelInputShapeException>(() => new AttentionClassifier().forward(zeros(new long[] { 2, 65 }, dtype: ScalarType.Int64)));
        Assert.Equal("tokens", error.Input);
    }

    [Fact]
    public void A_bidirectional_two_layer_gru_hands_its_last_step_to_the_head()
    {
        using var scope = NewDisposeScope();
        var model = new GruHead();
        var output = model.forward(randn(4, 7, 6));
        Assert.Equal(new long[] { 4, 3 }, output.shape);
        Assert.Equal("[N, 24]", GruHead.Summary.Rows[0].OutputShape);
        AssertTrains(model, GruHead.Summary, output);
    }

    [Fact]
    public void Transposed_convolutions_upsample_to_the_image_size()
    {
        using var scope = NewDisposeScope();
        var model = new TinyDecoder();
        var output = model.forward(randn(2, 8));
        Assert.Equal(new long[] { 2, 1, 28, 28 }, output.shape);
        Assert.Equal("[N, 1, 28, 28]", TinyDecoder.Summary.Rows[^1].OutputShape);
        AssertTrains(model, TinyDecoder.Summary, output);
    }
}
