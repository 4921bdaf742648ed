using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Ops;

public class CatTests
{
    [Fact]
    public void Sizes_add_up_along_dim_and_must_match_elsewhere()
    {
        Assert.Equal(Shape.Of(N, 8), Ok(Cat.Apply(new[] { Shape.Of(N, 3), Shape.Of(N, 5) }, 1)));
        Assert.Equal(Shape.Of(N, C + 5, H), Ok(Cat.Apply(new[] { Shape.Of(N, C, H), Shape.Of(N, 5, H) }, -2)));
        Assert.Equal(Shape.Of(2 * N, 4), Ok(Cat.Apply(new[] { Shape.Of(N, 4), Shape.Of(N, 4) }, 0)));
        Assert.Equal(Shape.Of(N, 3), Ok(Cat.Apply(new[] { Shape.Of(N, 3) }, 1)));
    }

    [Fact]
    public void Mismatched_sizes_outside_dim_are_errors_that_name_both_tensors()
    {
        var error = Fails(Cat.Apply(new[] { Shape.Of(N, 3), Shape.Of(N, 5) }, 0), ShapeErrorKind.DimMismatch, "tensors");
        Assert.Equal("cat: sizes must match except in dimension 0, but tensor 0 is [N, 3] and tensor 1 is [N, 5] (dimension 1: 3 vs 5)", error.Message);
        Fails(Cat.Apply(new[] { Shape.Of(N, 3), Shape.Of(Dim.Sym("M"), 3) }, 1), ShapeErrorKind.DimMismatch, "tensors");
    }

    [Fact]
    public void Ranks_dim_scalars_and_empty_lists()
    {
        Fails(Cat.Apply(new[] { Shape.Of(N, 3), Shape.Of(N, 3, 1) }, 0), ShapeErrorKind.RankMismatch, "tensors");
        var error = Fails(Cat.Apply(new[] { Shape.Of(N, 3), Shape.Of(N, 3) }, 2), ShapeErrorKind.InvalidDimension, "dim");
        Assert.Equal("cat: dim 2 is out of range for the 2-d shape [N, 3] (expected a value in [-2, 1])", error.Message);
        Fails(Cat.Apply(new[] { Shape.Scalar, Shape.Scalar }, 0), ShapeErrorKind.RankMismatch, "tensors");
        Fails(Cat.Apply(new Shape[0], 0), ShapeErrorKind.InvalidHyperparameter, "tensors");
    }

    [Fact]
    public void Empty_1_d_tensors_are_skipped_as_torch_does()
    {
        Assert.Equal(Shape.Of(2, 3), Ok(Cat.Apply(new[] { Shape.Of(0), Shape.Of(2, 3) }, 1)));
    }
}
