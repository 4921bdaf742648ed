using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.narrow(input, dim, start, length)</c>: the dimension becomes length. start
/// must be in [-size, size] (negative counting from the end), length must not be negative, and start +
/// length must not pass the end; with symbolic sizes these are run-time requirements. A scalar cannot
/// be narrowed.
/// </summary>
public static class Narrow
{
    /// <summary>Applies the rule; a symbolic <paramref name="start"/> stands for a non-negative value.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeResult Apply(Shape input, long dim, Dim start, Dim length)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (start is null)
        {
            throw new ArgumentNullException(nameof(start));
        }
        if (length is null)
        {
            throw new ArgumentNullException(nameof(length));
        }
        const string op = "narrow";
        return Guard.Op(op, () =>
        {
            if (input.Rank == 0)
            {
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, $"{op}: a scalar {input} has no dimension to narrow", "input"));
            }
            var axis = Axis.Wrap(dim, input.Rank, wrapScalar: false);
            if (axis is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "dim", dim, input, "dim", wrapScalar: false));
            }
            Dim size = input[axis.Value];
            var constraints = new Constraints();
            Dim from = start;
            ShapeError? error;
            if (start.ConstantValue is long s && s < 0)
            {
                error = Positions.Resolve(op, "start", start, size, axis.Value, input, constraints, "start", allowEnd: true, out from);
                if (error is not null)
                {
                    return ShapeResult.Fail(error);
                }
            }
            else if (Bounds.ProvablyLess(size, start))
            {
                // start past the end is torch's first complaint; otherwise start + length <= size below implies start <= size.
                return ShapeResult.Fail(new ShapeError(
                    ShapeErrorKind.InvalidHyperparameter,
                    $"{op}: start {start} is out of range for dimension {Text.Int(axis.Value)} of {input}, which has {size} elements (expected a value in [-size, size])",
                    "start"));
            }
            error = constraints.HyperparameterAtLeast(op, "length", length, 0, "length");
            if (error is not null)
            {
                return ShapeResult.Fail(error);
            }
            Dim end = from + length;
            error = constraints.AtLeast(
                size,
                end,
                $"{op}: start {start} plus length {length} must not pass the end of dimension {Text.Int(axis.Value)}",
                () => new ShapeError(
                    ShapeErrorKind.InvalidHyperparameter,
                    $"{op}: start {start} plus length {length} passes the end of dimension {Text.Int(axis.Value)} of {input}, which has {size} elements",
                    "length"));
            if (error is not null)
            {
                return ShapeResult.Fail(error);
            }
            var output = new List<Dim>(input.Dims);
            output[axis.Value] = length;
            return ShapeResult.Ok(Shape.Of(output), constraints.Requirements);
        });
    }
}
