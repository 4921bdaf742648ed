using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.squeeze(input)</c> and <c>torch.squeeze(input, dim)</c>: size-1 dimensions
/// are removed (all of them, or only dim, which is a no-op when its size is not 1).
/// </summary>
/// <remarks>
/// A symbolic dimension is kept, since torch would remove it only if it happened to be 1 at run time;
/// to keep the inferred shape right, that comes with a requirement that it is at least 2. (A size of 0
/// would also be kept by torch; the requirement is stricter than needed there.)
/// </remarks>
public static class Squeeze
{
    /// <summary>Applies the rule; <paramref name="dim"/> null squeezes every size-1 dimension.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static ShapeResult Apply(Shape input, long? dim = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        const string op = "squeeze";
        int? only = null;
        if (dim is long d)
        {
            only = Axis.Wrap(d, input.Rank);
            if (only is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "dim", d, input, "dim"));
            }
            if (input.Rank == 0)
            {
                return ShapeResult.Ok(input);
            }
        }
        var constraints = new Constraints();
        var output = new List<Dim>(input.Rank);
        for (int i = 0; i < input.Rank; i++)
        {
            var size = input[i];
            if (only is int o && o != i)
            {
                output.Add(size);
                continue;
            }
            if (size.ConstantValue == 1)
            {
                continue;
            }
            if (!size.IsConstant)
            {
                var error = constraints.AtLeast(
                    size,
                    2,
                    $"{op}: dimension {Text.Int(i)} ({size}) must not be 1, or squeeze would remove it",
                    () => new ShapeError(ShapeErrorKind.CannotInfer, $"{op}: dimension {Text.Int(i)} ({size}) is provably less than 2, so squeeze may remove it", "input"));
                if (error is not null)
                {
                    return ShapeResult.Fail(error);
                }
            }
            output.Add(size);
        }
        return ShapeResult.Ok(Shape.Of(output), constraints.Requirements);
    }
}
