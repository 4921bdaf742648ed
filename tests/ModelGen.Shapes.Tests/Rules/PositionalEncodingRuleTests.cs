using System;
using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

/// <summary>libtorch has no positional-encoding module, so this rule has unit tests only.</summary>
public class PositionalEncodingRuleTests
{
    [Fact]
    public void The_shape_is_unchanged_and_a_symbolic_length_must_fit_the_table()
    {
        var result = PositionalEncodingRule.Apply(Shape.Of(T, N, 512), new PositionalEncodingOptions(5000, 512));
        Assert.Equal(Shape.Of(T, N, 512), Ok(result));
        var requirement = Assert.Single(result.Requirements);
        Assert.Equal(Dim.Const(5000), requirement.Value);
        Assert.Equal(T, requirement.Minimum);
        Assert.Equal("PositionalEncoding: the sequence length T must not exceed max_length 5000", requirement.Reason);
        Assert.Equal(true, requirement.IsSatisfied(new Dictionary<string, long> { ["T"] = 5000 }));
        Assert.Equal(false, requirement.IsSatisfied(new Dictionary<string, long> { ["T"] = 5001 }));
        Assert.Equal(Dim.Zero, result.Parameters);
    }

    [Fact]
    public void Batch_first_reads_the_length_from_dimension_1()
    {
        var result = PositionalEncodingRule.Apply(Shape.Of(N, T, 64), new PositionalEncodingOptions(128, 64) { BatchFirst = true });
        Assert.Equal(new[] { "128 >= T" }, Requirements(result.Requirements));
        // N is not the length here, so a large N is fine.
        Assert.Empty(PositionalEncodingRule.Apply(Shape.Of(1000, 100, 64), new PositionalEncodingOptions(128, 64) { BatchFirst = true }).Requirements);
    }

    [Fact]
    public void A_provably_longer_sequence_is_an_error_on_MaxLength()
    {
        var error = Fails(PositionalEncodingRule.Apply(Shape.Of(200, N, 64), new PositionalEncodingOptions(128, 64)), ShapeErrorKind.InvalidHyperparameter, "MaxLength");
        Assert.Equal("PositionalEncoding: the sequence length 200 of the input [200, N, 64] exceeds max_length 128", error.Message);
        Fails(PositionalEncodingRule.Apply(Shape.Of(T + 129, N, 64), new PositionalEncodingOptions(128, 64)), ShapeErrorKind.InvalidHyperparameter, "MaxLength");
        Assert.Empty(PositionalEncodingRule.Apply(Shape.Of(128, N, 64), new PositionalEncodingOptions(128, 64)).Requirements);
    }

    [Fact]
    public void A_symbolic_table_length_is_compared_with_the_sequence()
    {
        var m = Dim.Sym("M");
        var result = PositionalEncodingRule.Apply(Shape.Of(T, N, 64), new PositionalEncodingOptions(m, 64) { Kind = PositionalEncodingKind.Learned });
        Assert.Equal(new[] { "M >= 1", "M >= T" }, Requirements(result.Requirements));
        Assert.Equal(64 * m, result.Parameters);
        // A table of M + 1 rows always holds M steps (and has at least 1 row).
        Assert.Empty(PositionalEncodingRule.Apply(Shape.Of(m, N, 64), new PositionalEncodingOptions(m + 1, 64)).Requirements);
    }

    [Fact]
    public void A_learned_table_has_max_length_times_embed_dim_parameters()
    {
        var result = PositionalEncodingRule.Apply(Shape.Of(10, N, 32), new PositionalEncodingOptions(100, 32) { Kind = PositionalEncodingKind.Learned });
        Assert.Equal(Dim.Const(3200), result.Parameters);
    }

    [Fact]
    public void The_features_must_equal_embed_dim()
    {
        var error = Fails(PositionalEncodingRule.Apply(Shape.Of(T, N, 32), new PositionalEncodingOptions(100, 64)), ShapeErrorKind.DimMismatch, "EmbedDim");
        Assert.Equal("PositionalEncoding: the input [T, N, 32] has 32 features but embed_dim is 64", error.Message);
        error = Fails(PositionalEncodingRule.Apply(Shape.Of(T, N, Dim.Sym("E")), new PositionalEncodingOptions(100, 64)), ShapeErrorKind.DimMismatch, "EmbedDim");
        Assert.StartsWith("PositionalEncoding: cannot prove", error.Message);
    }

    [Fact]
    public void Rank_and_hyperparameter_errors()
    {
        var error = Fails(PositionalEncodingRule.Apply(Shape.Of(T, 64), new PositionalEncodingOptions(100, 64)), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("PositionalEncoding expects a 3-d input [T, N, E] but got [T, 64]", error.Message);
        Fails(PositionalEncodingRule.Apply(Shape.Of(T, N, 64), new PositionalEncodingOptions(0, 64)), ShapeErrorKind.InvalidHyperparameter, "MaxLength");
        Fails(PositionalEncodingRule.Apply(Shape.Of(T, N, 64), new PositionalEncodingOptions(10, 0)), ShapeErrorKind.InvalidHyperparameter, "EmbedDim");
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionalEncodingRule.Apply(Shape.Of(T, N, 64), new PositionalEncodingOptions(10, 64) { Kind = (PositionalEncodingKind)5 }));
    }
}
