using System;
using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class RecurrentRuleTests
{
    private static readonly Dim F = Dim.Sym("F");

    [Fact]
    public void An_LSTM_over_a_sequence_first_input_returns_output_h_n_and_c_n()
    {
        var result = RecurrentRule.Apply(Shape.Of(T, N, F), new RecurrentOptions(RecurrentKind.Lstm, 32));
        Assert.Equal(Shape.Of(T, N, 32), Ok(result.Layer));
        Assert.Equal(Shape.Of(T, N, 32), result.Output);
        Assert.Equal(Shape.Of(1, N, 32), result.HiddenState);
        Assert.Equal(Shape.Of(1, N, 32), result.CellState);
        Assert.Equal(new[] { "output [T, N, 32]", "h_n [1, N, 32]", "c_n [1, N, 32]" }, Texts(result.Outputs));
        Assert.Equal(new[] { "h_0 [1, N, 32]", "c_0 [1, N, 32]" }, Texts(result.OptionalInputs));
        Assert.Equal(F, result.Layer.Inferred["input_size"]);
        // weight_ih [4*32, F], weight_hh [4*32, 32], b_ih and b_hh [4*32].
        Assert.Equal((128 * F) + (128 * 32) + 256, result.Parameters);
        Assert.Equal(new[] { "T >= 1" }, Requirements(result.Requirements));
    }

    [Fact]
    public void Batch_first_moves_the_batch_in_the_output_but_not_in_h_n()
    {
        var result = RecurrentRule.Apply(Shape.Of(N, T, 10), new RecurrentOptions(RecurrentKind.Gru, 16) { BatchFirst = true, NumLayers = 2, Bidirectional = true });
        Assert.Equal(Shape.Of(N, T, 32), result.Output);
        Assert.Equal(Shape.Of(4, N, 16), result.HiddenState);
        Assert.Null(result.CellState);
        Assert.Equal(new[] { "output [N, T, 32]", "h_n [4, N, 16]" }, Texts(result.Outputs));
        Assert.Equal(new[] { "h_0 [4, N, 16]" }, Texts(result.OptionalInputs));
        Assert.Equal(Shape.Of(4, N, 16), result.OutputNamed("h_n"));
        Assert.Null(result.OutputNamed("c_n"));
        Assert.Equal(Shape.Of(4, N, 16), result.OptionalInputNamed("h_0"));
    }

    [Fact]
    public void Unbatched_sequences_have_no_batch_dimension_anywhere()
    {
        var result = RecurrentRule.Apply(Shape.Of(T, 8), new RecurrentOptions(RecurrentKind.Lstm, 4) { NumLayers = 3, BatchFirst = true });
        Assert.Equal(Shape.Of(T, 4), result.Output);
        Assert.Equal(Shape.Of(3, 4), result.HiddenState);
        Assert.Equal(Shape.Of(3, 4), result.CellState);
        Assert.Equal(Shape.Of(3, 4), result.InitialHiddenState);
        Assert.Equal(Shape.Of(3, 4), result.InitialCellState);
    }

    [Theory]
    [InlineData(RecurrentKind.Rnn, false, false, 1, (4 * 5) + (4 * 4) + 8)]
    [InlineData(RecurrentKind.Gru, false, true, 1, (12 * 5) + (12 * 4))]
    [InlineData(RecurrentKind.Lstm, true, false, 2, 2 * ((16 * 5) + (16 * 4) + 32) + 2 * ((16 * 8) + (16 * 4) + 32))]
    [InlineData(RecurrentKind.Rnn, true, true, 3, 2 * ((4 * 5) + (4 * 4)) + 4 * ((4 * 8) + (4 * 4)))]
    public void Parameters_are_counted_per_layer_and_direction_with_later_layers_reading_D_times_H(RecurrentKind kind, bool bidirectional, bool noBias, long layers, long expected)
    {
        var result = RecurrentRule.Apply(Shape.Of(T, N, 5), new RecurrentOptions(kind, 4) { Bidirectional = bidirectional, Bias = !noBias, NumLayers = layers });
        Assert.Equal(Dim.Const(expected), result.Parameters);
    }

    [Fact]
    public void Symbolic_hidden_size_and_layers_give_symbolic_shapes_and_parameters()
    {
        var h = Dim.Sym("H");
        var layers = Dim.Sym("L");
        var result = RecurrentRule.Apply(Shape.Of(T, N, F), new RecurrentOptions(RecurrentKind.Rnn, h) { NumLayers = layers, Bidirectional = true });
        Assert.Equal(Shape.Of(T, N, 2 * h), result.Output);
        Assert.Equal(Shape.Of(2 * layers, N, h), result.HiddenState);
        Assert.Equal(new[] { "H >= 1", "L >= 1", "T >= 1" }, Requirements(result.Requirements));
        // 2 * (H*F + H*H + 2H) + 2 * (L - 1) * (2H*H + H*H + 2H).
        var expected = (2 * ((h * F) + (h * h) + (2 * h))) + (2 * (layers - 1) * ((2 * h * h) + (h * h) + (2 * h)));
        Assert.Equal(expected, result.Parameters);
        Assert.Equal(Dim.Const(2 * ((3 * 5) + 9 + 6) + 2 * 2 * ((18 + 9) + 6)), result.Parameters.Substitute(new Dictionary<string, Dim> { ["H"] = 3, ["L"] = 3, ["F"] = 5 }));
    }

    [Fact]
    public void Initial_states_must_have_the_shape_of_the_final_ones()
    {
        var options = new RecurrentOptions(RecurrentKind.Lstm, 8) { NumLayers = 2 };
        var ok = RecurrentRule.Apply(Shape.Of(T, N, 3), options, Shape.Of(2, N, 8), Shape.Of(2, N, 8));
        Assert.True(ok.Success, ok.ToString());

        var error = Fails(RecurrentRule.Apply(Shape.Of(T, N, 3), options, Shape.Of(1, N, 8), Shape.Of(2, N, 8)).Layer, ShapeErrorKind.DimMismatch, "h_0");
        Assert.Equal("LSTM: h_0 must have the shape [2, N, 8] but has [1, N, 8] (dimension 0: 1 instead of 2)", error.Message);
        error = Fails(RecurrentRule.Apply(Shape.Of(T, N, 3), options, Shape.Of(2, N, 8), Shape.Of(2, 8)).Layer, ShapeErrorKind.RankMismatch, "c_0");
        Assert.Equal("LSTM: c_0 must have the 3-d shape [2, N, 8] but has the 2-d shape [2, 8]", error.Message);
        error = Fails(RecurrentRule.Apply(Shape.Of(T, N, 3), new RecurrentOptions(RecurrentKind.Gru, 8), Shape.Of(1, Dim.Sym("B"), 8)).Layer, ShapeErrorKind.DimMismatch, "h_0");
        Assert.Equal("GRU: cannot prove that h_0 [1, B, 8] has the shape [1, N, 8] (dimension 1: B vs N)", error.Message);
    }

    [Fact]
    public void States_that_torch_could_not_be_called_with_are_programmer_errors()
    {
        Assert.Throws<ArgumentException>(() => RecurrentRule.Apply(Shape.Of(T, N, 3), new RecurrentOptions(RecurrentKind.Gru, 8), Shape.Of(1, N, 8), Shape.Of(1, N, 8)));
        Assert.Throws<ArgumentException>(() => RecurrentRule.Apply(Shape.Of(T, N, 3), new RecurrentOptions(RecurrentKind.Lstm, 8), Shape.Of(1, N, 8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecurrentRule.Apply(Shape.Of(T, N, 3), new RecurrentOptions((RecurrentKind)7, 8)));
    }

    [Fact]
    public void Input_errors_name_their_argument()
    {
        var error = Fails(RecurrentRule.Apply(Shape.Of(N, T, 2, 3), new RecurrentOptions(RecurrentKind.Rnn, 8) { BatchFirst = true }).Layer, ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("RNN expects a 3-d input [N, T, input_size] (or 2-d unbatched [T, input_size]) but got [N, T, 2, 3]", error.Message);
        error = Fails(RecurrentRule.Apply(Shape.Of(T, N, 3), new RecurrentOptions(RecurrentKind.Rnn, 8) { InputSize = 4 }).Layer, ShapeErrorKind.DimMismatch, "input_size");
        Assert.Equal("RNN: input_size is 4 but the input [T, N, 3] has 3 features in its last dimension", error.Message);
        error = Fails(RecurrentRule.Apply(Shape.Of(N, 0, 3), new RecurrentOptions(RecurrentKind.Lstm, 8) { BatchFirst = true }).Layer, ShapeErrorKind.InvalidDimension, "input");
        Assert.Equal("LSTM: the sequence length (dimension 1 of [N, 0, 3]) is 0, and torch rejects an empty sequence", error.Message);
        Fails(RecurrentRule.Apply(Shape.Of(T, N, 3), new RecurrentOptions(RecurrentKind.Gru, 0)).Layer, ShapeErrorKind.InvalidHyperparameter, "HiddenSize");
        Fails(RecurrentRule.Apply(Shape.Of(T, N, 3), new RecurrentOptions(RecurrentKind.Gru, 4) { NumLayers = 0 }).Layer, ShapeErrorKind.InvalidHyperparameter, "NumLayers");
    }

    [Fact]
    public void A_failure_has_no_outputs()
    {
        var result = RecurrentRule.Apply(Shape.Of(3), new RecurrentOptions(RecurrentKind.Lstm, 8));
        Assert.False(result.Success);
        Assert.NotNull(result.Error);
        Assert.Null(result.Output);
        Assert.Null(result.HiddenState);
        Assert.Null(result.CellState);
        Assert.Empty(result.Outputs);
        Assert.Empty(result.OptionalInputs);
        Assert.Equal(Dim.Zero, result.Parameters);
        Assert.StartsWith("RankMismatch (input): LSTM expects", result.ToString());
    }

    [Fact]
    public void The_result_prints_every_output()
    {
        var result = RecurrentRule.Apply(Shape.Of(5, 2, 3), new RecurrentOptions(RecurrentKind.Gru, 4) { Bias = false });
        Assert.Equal("(output [5, 2, 4], h_n [1, 2, 4]) (84 parameters)", result.ToString());
    }

    [Fact]
    public void Huge_sizes_are_an_error_not_an_overflow_exception()
    {
        Fails(RecurrentRule.Apply(Shape.Of(T, N, long.MaxValue), new RecurrentOptions(RecurrentKind.Lstm, 8)).Layer, ShapeErrorKind.CannotInfer, "input");
    }

    private static string[] Texts(IReadOnlyList<NamedShape> shapes)
    {
        var texts = new string[shapes.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = shapes[i].ToString();
        }
        return texts;
    }
}
