using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for slicing one dimension, <c>x[..., start:end:step]</c> in Python, <c>x[.., a..b]</c>
/// with TorchSharp's indexers, <c>Tensor.slice(dim, start, end, step)</c>: ATen's <c>slice</c>. Negative
/// bounds count from the end; an omitted start is 0 and an omitted end the size; bounds outside the
/// dimension are clamped to it, never an error; the size is <c>ceil((end - start) / step)</c>, or 0 when
/// end is not after start. step must be at least 1; a scalar cannot be sliced.
/// </summary>
/// <remarks>
/// With a constant size the clamping is computed exactly. With a symbolic size the output is
/// <c>end' - start'</c> (divided by step, rounded up) for the bounds resolved without clamping, together
/// with the requirements that make that exact: a negative bound may not reach before the start, a
/// non-negative end may not pass the end, and end' may not come before start'. When the resolved bounds
/// are provably in the wrong order the output is 0 for every size, with no requirement.
/// </remarks>
public static class Slice
{
    /// <summary>Applies the rule; null bounds are omitted ones.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static ShapeResult Apply(Shape input, long dim, long? start = null, long? end = null, long step = 1)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        const string op = "slice";
        return Guard.Op(op, () =>
        {
            if (input.Rank == 0)
            {
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, $"{op}: a scalar {input} has no dimension to slice", "input"));
            }
            var axis = Axis.Wrap(dim, input.Rank, wrapScalar: false);
            if (axis is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "dim", dim, input, "dim", wrapScalar: false));
            }
            if (step < 1)
            {
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: step must be positive but is {Text.Int(step)}", "step"));
            }
            Dim size = input[axis.Value];
            var output = new List<Dim>(input.Dims);
            if (size.ConstantValue is long constant)
            {
                output[axis.Value] = Clamped(constant, start, end, step);
                return ShapeResult.Ok(Shape.Of(output));
            }

            var constraints = new Constraints();
            Dim from = start is long s ? (s < 0 ? size + s : Dim.Const(s)) : Dim.Zero;
            Dim to = end is long e ? (e < 0 ? size + e : Dim.Const(e)) : size;
            if (Bounds.ProvablyLess(to, from))
            {
                // Both bounds on the same side: after clamping, end still does not come after start.
                output[axis.Value] = Dim.Zero;
                return ShapeResult.Ok(Shape.Of(output));
            }
            string where = $"dimension {Text.Int(axis.Value)}";
            string slice = $"[{(start is long a ? Text.Int(a) : string.Empty)}:{(end is long b ? Text.Int(b) : string.Empty)}]";
            ShapeError? error = null;
            if (start is long negativeStart && negativeStart < 0)
            {
                error = constraints.AtLeast(size, -negativeStart, $"{op}: {where} must have at least {Text.Int(-negativeStart)} elements for the slice {slice} to start {Text.Int(-negativeStart)} from its end", Unresolvable);
            }
            if (error is null && end is long e2)
            {
                error = e2 < 0
                    ? constraints.AtLeast(size, -e2, $"{op}: {where} must have at least {Text.Int(-e2)} elements for the slice {slice} to end {Text.Int(-e2)} from its end", Unresolvable)
                    : constraints.AtLeast(size, e2, $"{op}: {where} must have at least {Text.Int(e2)} elements for the slice {slice} not to be cut short", Unresolvable);
            }
            error ??= constraints.AtLeast(to, from, $"{op}: the end of the slice {slice} must not come before its start in {where}", Unresolvable);
            if (error is not null)
            {
                return ShapeResult.Fail(error);
            }
            output[axis.Value] = Dim.FloorDiv(to - from + (step - 1), step);
            return ShapeResult.Ok(Shape.Of(output), constraints.Requirements);
        });
    }

    /// <summary>
    /// A bound that provably falls outside a symbolic size (only a size that shrinks as its symbols grow,
    /// such as <c>2 - H</c>, can be provably smaller than a constant): torch would clamp, and the clamped
    /// size has no single formula.
    /// </summary>
    private static ShapeError Unresolvable() =>
        new ShapeError(ShapeErrorKind.CannotInfer, "slice: a slice bound falls outside the symbolic size, so the clamped size has no single formula", "input");

    /// <summary>ATen's slice on a known size: wrap negative bounds once, clamp to [0, size], end not before start.</summary>
    private static long Clamped(long size, long? start, long? end, long step)
    {
        long from = start ?? 0;
        long to = end ?? long.MaxValue;
        if (from < 0)
        {
            from += size;
        }
        if (to < 0)
        {
            to += size;
        }
        from = from < 0 ? 0 : Math.Min(from, size);
        to = to < from ? from : Math.Min(to, size);
        long length = to - from;
        return (length + step - 1) / step;
    }
}
