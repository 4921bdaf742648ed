using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Ops;

public class SelectTests
{
    [Fact]
    public void Selecting_removes_the_dimension()
    {
        Assert.Equal(Shape.Of(N, 128), Ok(Select.Apply(Shape.Of(N, 10, 128), 1, 3)));
        Assert.Equal(Shape.Of(N, T), Ok(Select.Apply(Shape.Of(N, T, 4), -1, -4)));
        Assert.Equal(Shape.Scalar, Ok(Select.Apply(Shape.Of(5), 0, 4)));
    }

    [Fact]
    public void An_index_outside_a_constant_size_is_an_error_on_index()
    {
        var error = Fails(Select.Apply(Shape.Of(N, 3), 1, 3), ShapeErrorKind.InvalidHyperparameter, "index");
        Assert.Equal("select: index 3 is out of range for dimension 1 of [N, 3], which has 3 elements (expected a value in [-size, size - 1])", error.Message);
        Fails(Select.Apply(Shape.Of(N, 3), 1, -4), ShapeErrorKind.InvalidHyperparameter, "index");
    }

    [Fact]
    public void An_index_into_a_symbolic_size_is_a_requirement()
    {
        // The last time step of [N, T, H]: T must not be empty.
        var result = Select.Apply(Shape.Of(N, T, 16), 1, -1);
        Assert.Equal(Shape.Of(N, 16), Ok(result));
        Assert.Equal(new[] { "T >= 1" }, Requirements(result.Requirements));
        Assert.Equal("select: index -1 counts from the end of dimension 1, so it must have at least 1 elements", result.Requirements[0].Reason);

        result = Select.Apply(Shape.Of(N, T, 16), 1, 2);
        Assert.Equal(new[] { "T >= 3" }, Requirements(result.Requirements));
        Assert.Equal(false, result.Requirements[0].IsSatisfied(new Dictionary<string, long> { ["T"] = 2 }));

        // A symbolic index i needs T >= i + 1.
        result = Select.Apply(Shape.Of(N, T), 1, Dim.Sym("i"));
        Assert.Equal(new[] { "T >= i + 1" }, Requirements(result.Requirements));
    }

    [Fact]
    public void A_scalar_cannot_be_indexed_and_dim_does_not_wrap_as_rank_1()
    {
        var error = Fails(Select.Apply(Shape.Scalar, 0, 0), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("select: a scalar [] has no dimension to index", error.Message);
        error = Fails(Select.Apply(Shape.Of(N, 3), 2, 0), ShapeErrorKind.InvalidDimension, "dim");
        Assert.Equal("select: dim 2 is out of range for the 2-d shape [N, 3] (expected a value in [-2, 1])", error.Message);
    }
}

public class NarrowTests
{
    [Fact]
    public void The_dimension_becomes_length()
    {
        Assert.Equal(Shape.Of(N, 2), Ok(Narrow.Apply(Shape.Of(N, 5), 1, 1, 2)));
        Assert.Equal(Shape.Of(N, 2), Ok(Narrow.Apply(Shape.Of(N, 5), -1, -2, 2)));
        Assert.Equal(Shape.Of(N, 0), Ok(Narrow.Apply(Shape.Of(N, 5), 1, 5, 0)));
        var result = Narrow.Apply(Shape.Of(7, 5), 0, -5, 1);
        Assert.Equal(Shape.Of(1, 5), Ok(result));
        Assert.Empty(result.Requirements);
    }

    [Fact]
    public void Out_of_range_start_and_length_are_errors_on_their_argument()
    {
        var error = Fails(Narrow.Apply(Shape.Of(N, 5), 1, 4, 2), ShapeErrorKind.InvalidHyperparameter, "length");
        Assert.Equal("narrow: start 4 plus length 2 passes the end of dimension 1 of [N, 5], which has 5 elements", error.Message);
        error = Fails(Narrow.Apply(Shape.Of(N, 5), 1, 6, 0), ShapeErrorKind.InvalidHyperparameter, "start");
        Assert.Equal("narrow: start 6 is out of range for dimension 1 of [N, 5], which has 5 elements (expected a value in [-size, size])", error.Message);
        Fails(Narrow.Apply(Shape.Of(N, 5), 1, -6, 1), ShapeErrorKind.InvalidHyperparameter, "start");
        error = Fails(Narrow.Apply(Shape.Of(N, 5), 1, 0, -1), ShapeErrorKind.InvalidHyperparameter, "length");
        Assert.Equal("narrow: length must not be negative but is -1", error.Message);
        Fails(Narrow.Apply(Shape.Scalar, 0, 0, 1), ShapeErrorKind.RankMismatch, "input");
        Fails(Narrow.Apply(Shape.Of(N, 5), -3, 0, 1), ShapeErrorKind.InvalidDimension, "dim");
    }

    [Fact]
    public void Symbolic_sizes_and_bounds_give_one_requirement()
    {
        var result = Narrow.Apply(Shape.Of(N, T, 8), 1, 1, 3);
        Assert.Equal(Shape.Of(N, 3, 8), Ok(result));
        Assert.Equal(new[] { "T >= 4" }, Requirements(result.Requirements));

        // Counting from the end: T >= 3 for the start; start + length = T - 3 + 2 <= T always.
        result = Narrow.Apply(Shape.Of(N, T), 1, -3, 2);
        Assert.Equal(new[] { "T >= 3" }, Requirements(result.Requirements));

        // A symbolic window: start s and length L within T.
        var s = Dim.Sym("s");
        result = Narrow.Apply(Shape.Of(N, T), 1, s, L);
        Assert.Equal(Shape.Of(N, L), Ok(result));
        Assert.Equal(new[] { "T >= L + s" }, Requirements(result.Requirements));
    }
}

public class SliceTests
{
    [Fact]
    public void Constant_sizes_are_clamped_as_torch_does()
    {
        Assert.Equal(Shape.Of(N, 2), Ok(Slice.Apply(Shape.Of(N, 5), 1, 3, 10)));
        Assert.Equal(Shape.Of(N, 2), Ok(Slice.Apply(Shape.Of(N, 5), 1, -10, -2, 2)));
        Assert.Equal(Shape.Of(N, 0), Ok(Slice.Apply(Shape.Of(N, 5), 1, 4, 1)));
        Assert.Equal(Shape.Of(N, 3), Ok(Slice.Apply(Shape.Of(N, 5), -1, 1, -1)));
        Assert.Equal(Shape.Of(N, 3), Ok(Slice.Apply(Shape.Of(N, 5), 1, null, null, 2)));
        Assert.Empty(Slice.Apply(Shape.Of(N, 5), 1, 3, 10).Requirements);
    }

    [Fact]
    public void Symbolic_sizes_take_bounds_without_clamping_and_require_them()
    {
        // x[:, 1:] drops the first step.
        var result = Slice.Apply(Shape.Of(N, T, 8), 1, 1);
        Assert.Equal("[N, T - 1, 8]", Ok(result).ToString());
        Assert.Equal(new[] { "T >= 1" }, Requirements(result.Requirements));

        // x[:, :-1] drops the last.
        result = Slice.Apply(Shape.Of(N, T, 8), 1, null, -1);
        Assert.Equal("[N, T - 1, 8]", Ok(result).ToString());
        Assert.Equal(new[] { "T >= 1" }, Requirements(result.Requirements));

        // x[:, 2:5] needs T >= 5 to be 3 long.
        result = Slice.Apply(Shape.Of(N, T), 1, 2, 5);
        Assert.Equal(Shape.Of(N, 3), Ok(result));
        Assert.Equal(new[] { "T >= 5" }, Requirements(result.Requirements));
        Assert.Contains("not to be cut short", result.Requirements[0].Reason);

        // x[:, -3:] is 3 long once T >= 3; with step 2 it is 2 long.
        result = Slice.Apply(Shape.Of(N, T), 1, -3, null, 2);
        Assert.Equal(Shape.Of(N, 2), Ok(result));
        Assert.Equal(new[] { "T >= 3" }, Requirements(result.Requirements));

        // x[:, ::2] is ceil(T / 2).
        result = Slice.Apply(Shape.Of(N, T), 1, null, null, 2);
        Assert.Equal("[N, (T + 1) / 2]", Ok(result).ToString());
        Assert.Empty(result.Requirements);
    }

    [Fact]
    public void Bounds_in_the_wrong_order_give_0_for_every_size()
    {
        var result = Slice.Apply(Shape.Of(N, T), 1, 5, 3);
        Assert.Equal(Shape.Of(N, 0), Ok(result));
        Assert.Empty(result.Requirements);
        Assert.Equal(Shape.Of(N, 0), Ok(Slice.Apply(Shape.Of(N, T), 1, -2, -4)));
    }

    [Fact]
    public void Mixed_bounds_require_the_end_not_before_the_start()
    {
        // x[:, 2:-1] has T - 3 steps when T >= 3.
        var result = Slice.Apply(Shape.Of(N, T), 1, 2, -1);
        Assert.Equal("[N, T - 3]", Ok(result).ToString());
        Assert.Equal(new[] { "T >= 1", "T - 1 >= 2" }, Requirements(result.Requirements));
    }

    [Fact]
    public void Step_rank_and_dim_errors()
    {
        var error = Fails(Slice.Apply(Shape.Of(N, 5), 1, 0, 3, 0), ShapeErrorKind.InvalidHyperparameter, "step");
        Assert.Equal("slice: step must be positive but is 0", error.Message);
        Fails(Slice.Apply(Shape.Scalar, 0), ShapeErrorKind.RankMismatch, "input");
        Fails(Slice.Apply(Shape.Of(N, 5), 2), ShapeErrorKind.InvalidDimension, "dim");
    }
}

public class StackTests
{
    [Fact]
    public void Equal_shapes_stack_along_a_new_dimension()
    {
        var x = Shape.Of(N, 16);
        Assert.Equal(Shape.Of(3, N, 16), Ok(Stack.Apply(new[] { x, x, x }, 0)));
        Assert.Equal(Shape.Of(N, 16, 2), Ok(Stack.Apply(new[] { x, x }, -1)));
        Assert.Equal(Shape.Of(N, 1, 16), Ok(Stack.Apply(new[] { x }, 1)));
        Assert.Equal(Shape.Of(2), Ok(Stack.Apply(new[] { Shape.Scalar, Shape.Scalar }, -1)));
    }

    [Fact]
    public void Shapes_must_be_provably_equal()
    {
        var error = Fails(Stack.Apply(new[] { Shape.Of(2, 3), Shape.Of(3, 2) }, 0), ShapeErrorKind.DimMismatch, "tensors");
        Assert.Equal("stack: every tensor must have the same shape, but tensor 0 is [2, 3] and tensor 1 is [3, 2] (dimension 0: 2 vs 3)", error.Message);
        error = Fails(Stack.Apply(new[] { Shape.Of(N, 3), Shape.Of(T, 3) }, 0), ShapeErrorKind.DimMismatch, "tensors");
        Assert.StartsWith("stack: cannot prove dims N and T equal", error.Message);
        Fails(Stack.Apply(new[] { Shape.Of(N, 3), Shape.Of(N, 3, 1) }, 0), ShapeErrorKind.RankMismatch, "tensors");
    }

    [Fact]
    public void Dim_may_be_one_past_the_rank_and_the_list_must_not_be_empty()
    {
        var error = Fails(Stack.Apply(new[] { Shape.Of(2, 3) }, 3), ShapeErrorKind.InvalidDimension, "dim");
        Assert.Equal("stack: dim 3 is out of range for stacking 2-d tensors [2, 3] (expected a value in [-3, 2])", error.Message);
        Fails(Stack.Apply(new[] { Shape.Of(2, 3) }, -4), ShapeErrorKind.InvalidDimension, "dim");
        Fails(Stack.Apply(new Shape[0], 0), ShapeErrorKind.InvalidHyperparameter, "tensors");
    }
}
