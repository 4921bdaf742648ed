using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Ops;

public class ReshapeTests
{
    [Fact]
    public void Minus_1_is_the_exact_quotient_of_the_element_counts()
    {
        Assert.Equal(Shape.Of(N, 784), Ok(Reshape.Apply(Shape.Of(N * 784), new Dim[] { -1, 784 })));
        Assert.Equal(Shape.Of(N, 1, 28, 28), Ok(Reshape.Apply(Shape.Of(N, 784), new Dim[] { -1, 1, 28, 28 })));
        Assert.Equal(Shape.Of(N, C * H * W), Ok(Reshape.Apply(Shape.Of(N, C, H, W), new Dim[] { N, -1 })));
        Assert.Equal(Shape.Of(N * T, 8), Ok(Reshape.Apply(Shape.Of(N, T, 8), new Dim[] { -1, 8 })));
    }

    [Fact]
    public void A_count_that_is_not_a_multiple_says_so()
    {
        var error = Fails(Reshape.Apply(Shape.Of(N, 16, 4, 4), new Dim[] { -1, 1, 28, 28 }), ShapeErrorKind.ElementCountMismatch, "shape");
        Assert.Equal("reshape: 256 * N elements cannot be viewed as (-1, 1, 28, 28): 256 is not a multiple of 784", error.Message);
        error = Fails(Reshape.Apply(Shape.Of(N, C), new Dim[] { -1, H }), ShapeErrorKind.ElementCountMismatch, "shape");
        Assert.Equal("reshape: C * N elements cannot be viewed as (-1, H): C * N is not a multiple of H for every value of its symbols", error.Message);
    }

    [Fact]
    public void Without_minus_1_the_counts_must_be_provably_equal()
    {
        Assert.Equal(Shape.Of(2, N, 392), Ok(Reshape.Apply(Shape.Of(N, 784), new Dim[] { 2, N, 392 })));
        var error = Fails(Reshape.Apply(Shape.Of(3, 784), new Dim[] { 3, 783 }), ShapeErrorKind.ElementCountMismatch, "shape");
        Assert.Equal("reshape: 2352 elements cannot be viewed as (3, 783), which has 2349 elements", error.Message);
        // 784 * N and 783 * N agree when N is 0, so this is unproven rather than provably wrong.
        error = Fails(Reshape.Apply(Shape.Of(N, 784), new Dim[] { N, 783 }), ShapeErrorKind.ElementCountMismatch, "shape");
        Assert.Equal("reshape: cannot prove that 784 * N elements fill (N, 783), which has 783 * N elements", error.Message);
        error = Fails(Reshape.Apply(Shape.Of(N, 784), new Dim[] { 784, 32 }), ShapeErrorKind.ElementCountMismatch, "shape");
        Assert.Equal("reshape: cannot prove that 784 * N elements fill (784, 32), which has 25088 elements", error.Message);
    }

    [Fact]
    public void Invalid_targets_are_errors()
    {
        Fails(Reshape.Apply(Shape.Of(N, 784), new Dim[] { -1, -1 }), ShapeErrorKind.InvalidHyperparameter, "shape");
        Fails(Reshape.Apply(Shape.Of(N, 784), new Dim[] { -2, N }), ShapeErrorKind.InvalidHyperparameter, "shape");
        Fails(Reshape.Apply(Shape.Of(N, 0), new Dim[] { 0, -1 }), ShapeErrorKind.ElementCountMismatch, "shape");
    }

    [Fact]
    public void A_scalar_and_a_single_element_are_interchangeable()
    {
        Assert.Equal(Shape.Scalar, Ok(Reshape.Apply(Shape.Of(1, 1), new Dim[0])));
        Assert.Equal(Shape.Of(1), Ok(Reshape.Apply(Shape.Scalar, new Dim[] { -1 })));
    }
}
