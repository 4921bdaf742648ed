using System;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for broadcasting two tensors (elementwise <c>+</c>, <c>*</c>, ...; numpy/torch rules):
/// shapes are aligned on the right; each pair of dims must be equal or one of them 1, and the output
/// takes the larger rank and, per pair, the non-1 dim.
/// </summary>
/// <remarks>
/// Symbolically: a constant 1 on either side yields the other side's dim, whatever it is; Equal dims
/// pass; provably different dims (neither 1) are <see cref="ShapeErrorKind.NotBroadcastable"/>. When
/// equality depends on the symbols (N against 3, or N against M) the result is a
/// <see cref="ShapeErrorKind.DimMismatch"/> error "cannot prove dims X and Y equal" rather than a
/// run-time requirement: a <see cref="DimRequirement"/> states only <c>&gt;=</c>, and a silent
/// assumption that N is 3 (or 1) would make the inferred shape wrong.
/// </remarks>
public static class Broadcast
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeResult Apply(Shape a, Shape b)
    {
        if (a is null)
        {
            throw new ArgumentNullException(nameof(a));
        }
        if (b is null)
        {
            throw new ArgumentNullException(nameof(b));
        }
        return Guard.Op("broadcast", () =>
        {
            var error = TryBroadcast("broadcast", a, b, "other", out var output);
            return error is null ? ShapeResult.Ok(output!) : ShapeResult.Fail(error);
        });
    }

    internal static ShapeError? TryBroadcast(string op, Shape a, Shape b, string argument, out Shape? output)
    {
        int rank = Math.Max(a.Rank, b.Rank);
        var dims = new Dim[rank];
        for (int i = 1; i <= rank; i++)
        {
            Dim? x = i <= a.Rank ? a[a.Rank - i] : null;
            Dim? y = i <= b.Rank ? b[b.Rank - i] : null;
            if (x is null || y is null)
            {
                dims[rank - i] = (x ?? y)!;
                continue;
            }
            if (x.ConstantValue == 1)
            {
                dims[rank - i] = y;
                continue;
            }
            if (y.ConstantValue == 1)
            {
                dims[rank - i] = x;
                continue;
            }
            switch (Dim.Relate(x, y))
            {
                case DimRelation.Equal:
                    dims[rank - i] = x;
                    break;
                case DimRelation.NotEqual:
                    output = null;
                    return new ShapeError(
                        ShapeErrorKind.NotBroadcastable,
                        $"{op}: shapes {a} and {b} cannot be broadcast together: dims {x} and {y} (dimension {Text.Int(-i)} from the end) differ and neither is 1",
                        argument);
                default:
                    output = null;
                    return new ShapeError(
                        ShapeErrorKind.DimMismatch,
                        $"{op}: cannot prove dims {x} and {y} equal when broadcasting {a} with {b} (dimension {Text.Int(-i)} from the end)",
                        argument);
            }
        }
        output = Shape.Of(dims);
        return null;
    }
}
