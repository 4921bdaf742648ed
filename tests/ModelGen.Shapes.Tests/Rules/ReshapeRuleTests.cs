using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class ReshapeRuleTests
{
    [Fact]
    public void The_batch_is_kept_and_each_sample_reshaped()
    {
        var result = ReshapeRule.Apply(Shape.Of(N, 784), new ReshapeOptions(new Dim[] { 1, 28, 28 }));
        Assert.Equal(Shape.Of(N, 1, 28, 28), Ok(result));
        Assert.Equal(Dim.Zero, result.Parameters);
        Assert.Equal(Shape.Of(N, 784), Ok(ReshapeRule.Apply(Shape.Of(N, 1, 28, 28), new ReshapeOptions(new Dim[] { 784 }))));
    }

    [Fact]
    public void Minus_one_is_inferred_per_sample()
    {
        Assert.Equal(Shape.Of(N, 112, 7), Ok(ReshapeRule.Apply(Shape.Of(N, 784), new ReshapeOptions(new Dim[] { -1, 7 }))));
        Assert.Equal(Shape.Of(N, T, 4, Dim.Sym("d")), Ok(ReshapeRule.Apply(Shape.Of(N, T, 4 * Dim.Sym("d")), new ReshapeOptions(new Dim[] { T, 4, -1 }))));
    }

    [Fact]
    public void Provably_different_counts_and_unprovable_counts_are_told_apart()
    {
        var error = Fails(ReshapeRule.Apply(Shape.Of(N, 784), new ReshapeOptions(new Dim[] { 1, 28, 27 })), ShapeErrorKind.ElementCountMismatch, "Shape");
        Assert.Equal("Reshape: 784 elements cannot be viewed as (1, 28, 27), which has 756 elements", error.Message);
        error = Fails(ReshapeRule.Apply(Shape.Of(N, C), new ReshapeOptions(new Dim[] { 28, 28 })), ShapeErrorKind.ElementCountMismatch, "Shape");
        Assert.Equal("Reshape: cannot prove that C elements fill (28, 28), which has 784 elements", error.Message);
    }

    [Fact]
    public void A_scalar_has_no_batch_to_keep()
    {
        Fails(ReshapeRule.Apply(Shape.Scalar, new ReshapeOptions(new Dim[] { 1 })), ShapeErrorKind.RankMismatch, "input");
    }
}
