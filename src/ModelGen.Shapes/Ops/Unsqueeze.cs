using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.unsqueeze(input, dim)</c>: a size-1 dimension is inserted at dim, which
/// may be in [-rank - 1, rank] (negative counts from the end of the output).
/// </summary>
public static class Unsqueeze
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static ShapeResult Apply(Shape input, long dim)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        var position = Axis.Wrap(dim, input.Rank + 1, wrapScalar: false);
        if (position is null)
        {
            return ShapeResult.Fail(new ShapeError(
                ShapeErrorKind.InvalidDimension,
                $"unsqueeze: dim {Text.Int(dim)} is out of range for the {Text.Int(input.Rank)}-d shape {input} (expected a value in {Axis.Range(input.Rank + 1, wrapScalar: false)})",
                "dim"));
        }
        var output = new List<Dim>(input.Dims);
        output.Insert(position.Value, Dim.One);
        return ShapeResult.Ok(Shape.Of(output));
    }
}
