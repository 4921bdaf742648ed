using System;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.permute(input, dims)</c>: output dimension i is input dimension dims[i];
/// dims must name every dimension exactly once (negative counts from the end).
/// </summary>
public static class Permute
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeResult Apply(Shape input, long[] dims)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (dims is null)
        {
            throw new ArgumentNullException(nameof(dims));
        }
        const string op = "permute";
        if (dims.Length != input.Rank)
        {
            return ShapeResult.Fail(new ShapeError(
                ShapeErrorKind.InvalidDimension,
                $"{op}: the {Text.Int(input.Rank)}-d shape {input} needs {Text.Int(input.Rank)} dims but got {Text.Int(dims.Length)}: ({Text.Ints(dims)})",
                "dims"));
        }
        var output = new Dim[dims.Length];
        var seen = new bool[Math.Max(input.Rank, 1)];
        for (int i = 0; i < dims.Length; i++)
        {
            var axis = Axis.Wrap(dims[i], input.Rank);
            if (axis is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "dim", dims[i], input, "dims"));
            }
            if (seen[axis.Value])
            {
                return ShapeResult.Fail(new ShapeError(
                    ShapeErrorKind.InvalidDimension,
                    $"{op}: dimension {Text.Int(axis.Value)} appears more than once in ({Text.Ints(dims)})",
                    "dims"));
            }
            seen[axis.Value] = true;
            output[i] = input[axis.Value];
        }
        return ShapeResult.Ok(Shape.Of(output));
    }
}
