using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Ops;

public class TransposeTests
{
    [Fact]
    public void Two_dimensions_swap_with_negative_indices_from_the_end()
    {
        Assert.Equal(Shape.Of(N, T, C), Ok(Transpose.Apply(Shape.Of(N, C, T), 1, 2)));
        Assert.Equal(Shape.Of(N, T, C), Ok(Transpose.Apply(Shape.Of(N, C, T), -1, -2)));
        Assert.Equal(Shape.Scalar, Ok(Transpose.Apply(Shape.Scalar, 0, -1)));
    }

    [Fact]
    public void Out_of_range_dims_name_the_argument()
    {
        var error = Fails(Transpose.Apply(Shape.Of(N, C), 0, 2), ShapeErrorKind.InvalidDimension, "dim1");
        Assert.Equal("transpose: dim1 2 is out of range for the 2-d shape [N, C] (expected a value in [-2, 1])", error.Message);
        Fails(Transpose.Apply(Shape.Of(N, C), -3, 0), ShapeErrorKind.InvalidDimension, "dim0");
    }
}

public class PermuteTests
{
    [Fact]
    public void Output_dimension_i_is_input_dimension_dims_i()
    {
        Assert.Equal(Shape.Of(N, H, W, C), Ok(Permute.Apply(Shape.Of(N, C, H, W), new long[] { 0, 2, 3, 1 })));
        Assert.Equal(Shape.Of(W, N, H, C), Ok(Permute.Apply(Shape.Of(N, C, H, W), new long[] { -1, 0, 2, -3 })));
        Assert.Equal(Shape.Scalar, Ok(Permute.Apply(Shape.Scalar, new long[0])));
    }

    [Fact]
    public void Wrong_count_repeats_and_out_of_range_are_errors()
    {
        Fails(Permute.Apply(Shape.Of(N, C), new long[] { 0 }), ShapeErrorKind.InvalidDimension, "dims");
        var error = Fails(Permute.Apply(Shape.Of(N, C), new long[] { 1, -1 }), ShapeErrorKind.InvalidDimension, "dims");
        Assert.Equal("permute: dimension 1 appears more than once in (1, -1)", error.Message);
        Fails(Permute.Apply(Shape.Of(N, C), new long[] { 0, 2 }), ShapeErrorKind.InvalidDimension, "dims");
    }
}

public class SqueezeTests
{
    [Fact]
    public void Without_dim_every_constant_1_goes()
    {
        Assert.Equal(Shape.Of(N, 5), Ok(Squeeze.Apply(Shape.Of(1, N, 1, 5, 1))));
        Assert.Equal(Shape.Scalar, Ok(Squeeze.Apply(Shape.Of(1, 1))));
    }

    [Fact]
    public void A_symbolic_dimension_stays_and_must_not_be_1_at_run_time()
    {
        var result = Squeeze.Apply(Shape.Of(N, 1, 5));
        Assert.Equal(Shape.Of(N, 5), Ok(result));
        Assert.Equal(new[] { "N >= 2" }, Requirements(result.Requirements));
        Assert.Contains("must not be 1, or squeeze would remove it", result.Requirements[0].Reason);
        Assert.Equal(new[] { "N >= 2" }, Requirements(Squeeze.Apply(Shape.Of(N, 5), 0).Requirements));
    }

    [Fact]
    public void With_dim_only_that_dimension_goes_and_only_if_it_is_1()
    {
        Assert.Equal(Shape.Of(N, 5), Ok(Squeeze.Apply(Shape.Of(N, 1, 5), 1)));
        Assert.Equal(Shape.Of(N, 1, 5), Ok(Squeeze.Apply(Shape.Of(N, 1, 5), 2)));
        Assert.Equal(Shape.Of(1, 5), Ok(Squeeze.Apply(Shape.Of(1, 1, 5), -3)));
        Fails(Squeeze.Apply(Shape.Of(N, 1, 5), 3), ShapeErrorKind.InvalidDimension, "dim");
    }
}

public class UnsqueezeTests
{
    [Fact]
    public void A_1_is_inserted_anywhere_from_before_the_first_to_after_the_last()
    {
        Assert.Equal(Shape.Of(1, N, C), Ok(Unsqueeze.Apply(Shape.Of(N, C), 0)));
        Assert.Equal(Shape.Of(N, C, 1), Ok(Unsqueeze.Apply(Shape.Of(N, C), 2)));
        Assert.Equal(Shape.Of(N, C, 1), Ok(Unsqueeze.Apply(Shape.Of(N, C), -1)));
        Assert.Equal(Shape.Of(1, N, C), Ok(Unsqueeze.Apply(Shape.Of(N, C), -3)));
        Assert.Equal(Shape.Of(1), Ok(Unsqueeze.Apply(Shape.Scalar, 0)));
    }

    [Fact]
    public void Outside_minus_rank_minus_1_to_rank_is_an_error()
    {
        var error = Fails(Unsqueeze.Apply(Shape.Of(N, C), 3), ShapeErrorKind.InvalidDimension, "dim");
        Assert.Equal("unsqueeze: dim 3 is out of range for the 2-d shape [N, C] (expected a value in [-3, 2])", error.Message);
        Fails(Unsqueeze.Apply(Shape.Of(N, C), -4), ShapeErrorKind.InvalidDimension, "dim");
    }
}

public class ReduceTests
{
    [Fact]
    public void Listed_dimensions_go_or_become_1()
    {
        Assert.Equal(Shape.Of(N, C), Ok(Reduce.Apply(Shape.Of(N, C, H, W), new long[] { 2, 3 }, false)));
        Assert.Equal(Shape.Of(N, C, 1, 1), Ok(Reduce.Apply(Shape.Of(N, C, H, W), new long[] { -1, -2 }, true)));
    }

    [Fact]
    public void No_dims_reduces_everything()
    {
        Assert.Equal(Shape.Scalar, Ok(Reduce.Apply(Shape.Of(N, C), new long[0], false)));
        Assert.Equal(Shape.Of(1, 1), Ok(Reduce.Apply(Shape.Of(N, C), new long[0], true)));
    }

    [Fact]
    public void Repeated_or_out_of_range_dims_are_errors()
    {
        var error = Fails(Reduce.Apply(Shape.Of(N, C), new long[] { 1, -1 }, false), ShapeErrorKind.InvalidDimension, "dim");
        Assert.Equal("reduce: dimension 1 appears more than once in (1, -1)", error.Message);
        Fails(Reduce.Apply(Shape.Of(N, C), new long[] { 2 }, false), ShapeErrorKind.InvalidDimension, "dim");
    }
}

public class FlattenTests
{
    [Fact]
    public void The_range_start_to_end_becomes_its_product()
    {
        Assert.Equal(Shape.Of(784 * N), Ok(Flatten.Apply(Shape.Of(N, 1, 28, 28))));
        Assert.Equal(Shape.Of(N, C * H, W), Ok(Flatten.Apply(Shape.Of(N, C, H, W), 1, 2)));
        Assert.Equal(Shape.Of(N, C, H, W), Ok(Flatten.Apply(Shape.Of(N, C, H, W), 2, 2)));
        Assert.Equal(Shape.Of(1), Ok(Flatten.Apply(Shape.Scalar)));
    }

    [Fact]
    public void Reversed_or_out_of_range_dims_are_errors()
    {
        var error = Fails(Flatten.Apply(Shape.Of(N, C, H), 2, 1), ShapeErrorKind.InvalidDimension, "start_dim");
        Assert.Equal("flatten: start_dim 2 comes after end_dim 1 in the 3-d shape [N, C, H]", error.Message);
        Fails(Flatten.Apply(Shape.Of(N, C), 0, 5), ShapeErrorKind.InvalidDimension, "end_dim");
        Fails(Flatten.Apply(Shape.Scalar, 1), ShapeErrorKind.InvalidDimension, "start_dim");
    }
}
