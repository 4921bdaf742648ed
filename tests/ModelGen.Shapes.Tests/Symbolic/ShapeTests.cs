using System.Collections.Generic;
using Xunit;

namespace ModelGen.Shapes.Tests.Symbolic;

public class ShapeTests
{
    private static readonly Dim N = Dim.Sym("N");

    [Fact]
    public void A_shape_lists_its_dims_outermost_first()
    {
        var shape = Shape.Of(N, 1, 28, 28);
        Assert.Equal(4, shape.Rank);
        Assert.Equal(N, shape[0]);
        Assert.Equal(new Dim[] { N, 1, 28, 28 }, shape.Dims);
        Assert.Equal("[N, 1, 28, 28]", shape.ToString());
    }

    [Fact]
    public void A_scalar_has_rank_0_and_one_element()
    {
        Assert.Equal(0, Shape.Scalar.Rank);
        Assert.Equal("[]", Shape.Scalar.ToString());
        Assert.Equal(Dim.One, Shape.Scalar.NumElements());
        Assert.Equal(Shape.Scalar, Shape.Of());
    }

    [Fact]
    public void NumElements_is_the_symbolic_product()
    {
        Assert.Equal(784 * N, Shape.Of(N, 1, 28, 28).NumElements());
        Assert.Equal("784 * N", Shape.Of(N, 1, 28, 28).NumElements().ToString());
    }

    [Fact]
    public void Equality_is_structural()
    {
        Assert.Equal(Shape.Of(N + N, 3), Shape.Of(2 * N, 3));
        Assert.NotEqual(Shape.Of(N, 3), Shape.Of(N, 3, 1));
        Assert.Equal(Shape.Of(N, 3).GetHashCode(), Shape.Of(N, 3).GetHashCode());
        Assert.True(Shape.Of(1, 2) == Shape.OfSizes(new long[] { 1, 2 }));
    }

    [Fact]
    public void A_shape_is_a_copy_of_the_array_it_was_made_from()
    {
        var dims = new Dim[] { N, 3 };
        var shape = Shape.Of(dims);
        dims[1] = 4;
        Assert.Equal(Dim.Const(3), shape[1]);
    }

    [Fact]
    public void Substitute_replaces_symbols_in_every_dim()
    {
        var shape = Shape.Of(N, Dim.Sym("C") * 4, Dim.FloorDiv(Dim.Sym("H") - 3, 2) + 1);
        var values = new Dictionary<string, Dim> { ["C"] = 8, ["H"] = 2 * Dim.Sym("K") + 1 };
        Assert.Equal(Shape.Of(N, 32, Dim.Sym("K")), shape.Substitute(values));
    }

    [Fact]
    public void Evaluate_binds_every_dim()
    {
        var shape = Shape.Of(N, Dim.FloorDiv(Dim.Sym("H") - 3, 2) + 1);
        Assert.Equal(new long[] { 2, 13 }, shape.Evaluate(new Dictionary<string, long> { ["N"] = 2, ["H"] = 28 }));
        Assert.Null(shape.Evaluate(new Dictionary<string, long> { ["N"] = 2 }));
    }
}
