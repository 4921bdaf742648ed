using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.flatten(input, start_dim, end_dim)</c>: dimensions start_dim..end_dim
/// (negative counts from the end) become their product; a scalar becomes [1].
/// </summary>
public static class Flatten
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static ShapeResult Apply(Shape input, long startDim = 0, long endDim = -1) =>
        Apply(input, startDim, endDim, "flatten", "start_dim", "end_dim");

    internal static ShapeResult Apply(Shape input, long startDim, long endDim, string op, string startArgument, string endArgument)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        return Guard.Op(op, () =>
        {
            var start = Axis.Wrap(startDim, input.Rank);
            if (start is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "start_dim", startDim, input, startArgument));
            }
            var end = Axis.Wrap(endDim, input.Rank);
            if (end is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "end_dim", endDim, input, endArgument));
            }
            if (start.Value > end.Value)
            {
                return ShapeResult.Fail(new ShapeError(
                    ShapeErrorKind.InvalidDimension,
                    $"{op}: start_dim {Text.Int(startDim)} comes after end_dim {Text.Int(endDim)} in the {Text.Int(input.Rank)}-d shape {input}",
                    startArgument));
            }
            if (input.Rank == 0)
            {
                return ShapeResult.Ok(Shape.Of(Dim.One));
            }
            var output = new List<Dim>(input.Rank);
            Dim product = Dim.One;
            for (int i = 0; i < input.Rank; i++)
            {
                if (i < start.Value || i > end.Value)
                {
                    output.Add(input[i]);
                    continue;
                }
                product *= input[i];
                if (i == end.Value)
                {
                    output.Add(product);
                }
            }
            return ShapeResult.Ok(Shape.Of(output));
        });
    }
}
