using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.select(input, dim, index)</c> (and indexing one dimension with an integer,
/// <c>x[:, i]</c>): the dimension is removed, so the rank drops by one. index must be in [-size, size - 1],
/// negative counting from the end; with a symbolic size that is a run-time requirement. A scalar cannot
/// be indexed.
/// </summary>
public static class Select
{
    /// <summary>Applies the rule; a symbolic <paramref name="index"/> stands for a non-negative value.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeResult Apply(Shape input, long dim, Dim index)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (index is null)
        {
            throw new ArgumentNullException(nameof(index));
        }
        const string op = "select";
        return Guard.Op(op, () =>
        {
            if (input.Rank == 0)
            {
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, $"{op}: a scalar {input} has no dimension to index", "input"));
            }
            var axis = Axis.Wrap(dim, input.Rank, wrapScalar: false);
            if (axis is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "dim", dim, input, "dim", wrapScalar: false));
            }
            Dim size = input[axis.Value];
            var constraints = new Constraints();
            var error = Positions.Resolve(op, "index", index, size, axis.Value, input, constraints, "index", allowEnd: false, out _);
            if (error is not null)
            {
                return ShapeResult.Fail(error);
            }
            var output = new List<Dim>(input.Dims);
            output.RemoveAt(axis.Value);
            return ShapeResult.Ok(Shape.Of(output), constraints.Requirements);
        });
    }
}
