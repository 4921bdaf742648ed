using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Ops;

public class MatMulTests
{
    [Fact]
    public void Vector_and_matrix_combinations_follow_torch_matmul()
    {
        Assert.Equal(Shape.Scalar, Ok(MatMul.Apply(Shape.Of(C), Shape.Of(C))));
        Assert.Equal(Shape.Of(N, 5), Ok(MatMul.Apply(Shape.Of(N, 3), Shape.Of(3, 5))));
        Assert.Equal(Shape.Of(5), Ok(MatMul.Apply(Shape.Of(3), Shape.Of(3, 5))));
        Assert.Equal(Shape.Of(N), Ok(MatMul.Apply(Shape.Of(N, 3), Shape.Of(3))));
    }

    [Fact]
    public void Batch_dimensions_broadcast()
    {
        Assert.Equal(Shape.Of(N, T, 5), Ok(MatMul.Apply(Shape.Of(N, T, 3), Shape.Of(3, 5))));
        Assert.Equal(Shape.Of(7, N, 2, 5), Ok(MatMul.Apply(Shape.Of(7, 1, 2, 3), Shape.Of(N, 3, 5))));
        Assert.Equal(Shape.Of(N, 5), Ok(MatMul.Apply(Shape.Of(3), Shape.Of(N, 3, 5))));
        Assert.Equal(Shape.Of(N, T), Ok(MatMul.Apply(Shape.Of(N, T, 3), Shape.Of(3))));
        Assert.Equal(Shape.Of(N, T, T), Ok(MatMul.Apply(Shape.Of(N, T, 64), Shape.Of(N, 64, T))));
    }

    [Fact]
    public void The_contracted_sizes_must_be_provably_equal()
    {
        var error = Fails(MatMul.Apply(Shape.Of(2, 3), Shape.Of(4, 5)), ShapeErrorKind.DimMismatch, "other");
        Assert.Equal("matmul: shapes [2, 3] and [4, 5] cannot be multiplied: 3 (last dim of the first) differs from 4 (second-to-last dim of the second)", error.Message);
        Fails(MatMul.Apply(Shape.Of(N, 3), Shape.Of(4)), ShapeErrorKind.DimMismatch, "other");
        Fails(MatMul.Apply(Shape.Of(N, C), Shape.Of(3, 4)), ShapeErrorKind.DimMismatch, "other");
    }

    [Fact]
    public void Scalars_and_unbroadcastable_batches_are_errors()
    {
        Fails(MatMul.Apply(Shape.Scalar, Shape.Of(3)), ShapeErrorKind.RankMismatch, "input");
        Fails(MatMul.Apply(Shape.Of(3), Shape.Scalar), ShapeErrorKind.RankMismatch, "other");
        Fails(MatMul.Apply(Shape.Of(2, 2, 3), Shape.Of(4, 3, 5)), ShapeErrorKind.NotBroadcastable, "other");
    }
}
