using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class EmbeddingRuleTests
{
    [Fact]
    public void Indices_of_any_shape_gain_a_trailing_embedding_dimension()
    {
        var result = EmbeddingRule.Apply(Shape.Of(N, T), new EmbeddingOptions(10000, 128));
        Assert.Equal(Shape.Of(N, T, 128), Ok(result));
        Assert.Equal(Dim.Const(10000 * 128), result.Parameters);
        Assert.Empty(result.Requirements);
        Assert.Empty(result.Inferred);
        Assert.Equal(Shape.Of(128), Ok(EmbeddingRule.Apply(Shape.Scalar, new EmbeddingOptions(10, 128))));
        Assert.Equal(Shape.Of(2, 3, 4, 5), Ok(EmbeddingRule.Apply(Shape.Of(2, 3, 4), new EmbeddingOptions(10, 5))));
    }

    [Fact]
    public void Padding_idx_must_be_within_the_rows_counting_negative_from_the_end()
    {
        Ok(EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(10, 4) { PaddingIdx = 9 }));
        Ok(EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(10, 4) { PaddingIdx = -10 }));
        var error = Fails(EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(10, 4) { PaddingIdx = 10 }), ShapeErrorKind.InvalidHyperparameter, "PaddingIdx");
        Assert.Equal("Embedding: padding_idx 10 must be less than num_embeddings 10", error.Message);
        error = Fails(EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(10, 4) { PaddingIdx = -11 }), ShapeErrorKind.InvalidHyperparameter, "PaddingIdx");
        Assert.Equal("Embedding: padding_idx -11 must not be below -num_embeddings = -10", error.Message);
    }

    [Fact]
    public void A_symbolic_vocabulary_turns_padding_idx_into_a_requirement()
    {
        var v = Dim.Sym("V");
        var result = EmbeddingRule.Apply(Shape.Of(N, T), new EmbeddingOptions(v, 64) { PaddingIdx = 3 });
        Assert.Equal(Shape.Of(N, T, 64), Ok(result));
        Assert.Equal(new[] { "V >= 1", "V >= 4" }, Requirements(result.Requirements));
        Assert.Equal(false, result.Requirements[1].IsSatisfied(new Dictionary<string, long> { ["V"] = 3 }));
        Assert.Equal(64 * v, result.Parameters);

        result = EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(v, 64) { PaddingIdx = -2 });
        Assert.Equal(new[] { "V >= 1", "V >= 2" }, Requirements(result.Requirements));
        Assert.Equal("Embedding: padding_idx -2 must not be below -num_embeddings = -V", result.Requirements[1].Reason);
    }

    [Fact]
    public void Empty_tables_are_rejected()
    {
        Fails(EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(0, 4)), ShapeErrorKind.InvalidHyperparameter, "NumEmbeddings");
        var error = Fails(EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(4, 0)), ShapeErrorKind.InvalidHyperparameter, "EmbeddingDim");
        Assert.Equal("Embedding: embedding_dim must be at least 1 but is 0", error.Message);
    }

    [Fact]
    public void Huge_tables_are_an_error_not_an_overflow_exception()
    {
        Fails(EmbeddingRule.Apply(Shape.Of(N), new EmbeddingOptions(long.MaxValue, 4)), ShapeErrorKind.CannotInfer, "input");
    }
}
