using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Ops;

public class BroadcastTests
{
    [Fact]
    public void Shapes_align_on_the_right_and_size_1_stretches()
    {
        Assert.Equal(Shape.Of(N, 3, 5), Ok(Broadcast.Apply(Shape.Of(N, 1, 5), Shape.Of(3, 1))));
        Assert.Equal(Shape.Of(2, 3), Ok(Broadcast.Apply(Shape.Scalar, Shape.Of(2, 3))));
        Assert.Equal(Shape.Of(N, H), Ok(Broadcast.Apply(Shape.Of(N, H), Shape.Of(N, H))));
    }

    [Fact]
    public void A_constant_1_takes_the_other_side_even_when_symbolic()
    {
        Assert.Equal(Shape.Of(N, C), Ok(Broadcast.Apply(Shape.Of(1, C), Shape.Of(N, 1))));
        Assert.Equal(Shape.Of(N), Ok(Broadcast.Apply(Shape.Of(N), Shape.Of(1))));
    }

    [Fact]
    public void Provably_different_sizes_neither_1_are_not_broadcastable()
    {
        var error = Fails(Broadcast.Apply(Shape.Of(N, 3), Shape.Of(4)), ShapeErrorKind.NotBroadcastable, "other");
        Assert.Equal("broadcast: shapes [N, 3] and [4] cannot be broadcast together: dims 3 and 4 (dimension -1 from the end) differ and neither is 1", error.Message);
        Fails(Broadcast.Apply(Shape.Of(H, 2), Shape.Of(H + 1, 2)), ShapeErrorKind.NotBroadcastable, "other");
    }

    [Fact]
    public void Sizes_whose_equality_depends_on_the_symbols_are_a_dim_mismatch()
    {
        var error = Fails(Broadcast.Apply(Shape.Of(N), Shape.Of(Dim.Sym("M"))), ShapeErrorKind.DimMismatch, "other");
        Assert.Equal("broadcast: cannot prove dims N and M equal when broadcasting [N] with [M] (dimension -1 from the end)", error.Message);
        Fails(Broadcast.Apply(Shape.Of(N, 3), Shape.Of(3, 3)), ShapeErrorKind.DimMismatch, "other");
    }
}
