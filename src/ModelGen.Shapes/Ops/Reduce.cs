using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for reductions over dimensions, <c>torch.sum(input, dims, keepdim)</c> and
/// <c>torch.mean(...)</c>: the listed dimensions are removed (or kept as 1 with keepDim); an empty
/// list reduces every dimension. A dimension may not be listed twice.
/// </summary>
public static class Reduce
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeResult Apply(Shape input, long[] dims, bool keepDim)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (dims is null)
        {
            throw new ArgumentNullException(nameof(dims));
        }
        const string op = "reduce";
        var reduced = new bool[Math.Max(input.Rank, 1)];
        if (dims.Length == 0)
        {
            for (int i = 0; i < reduced.Length; i++)
            {
                reduced[i] = true;
            }
        }
        foreach (long dim in dims)
        {
            var axis = Axis.Wrap(dim, input.Rank);
            if (axis is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "dim", dim, input, "dim"));
            }
            if (reduced[axis.Value])
            {
                return ShapeResult.Fail(new ShapeError(
                    ShapeErrorKind.InvalidDimension,
                    $"{op}: dimension {Text.Int(axis.Value)} appears more than once in ({Text.Ints(dims)})",
                    "dim"));
            }
            reduced[axis.Value] = true;
        }
        var output = new List<Dim>(input.Rank);
        for (int i = 0; i < input.Rank; i++)
        {
            if (!reduced[i])
            {
                output.Add(input[i]);
            }
            else if (keepDim)
            {
                output.Add(Dim.One);
            }
        }
        return ShapeResult.Ok(Shape.Of(output));
    }
}
