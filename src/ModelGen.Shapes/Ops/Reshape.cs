using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>Tensor.view(shape)</c> / <c>torch.reshape(input, shape)</c>: at most one size is
/// -1 (written <c>Dim.Const(-1)</c>) and is inferred by exact symbolic division of the element counts
/// (<c>[N * 784]</c> as (-1, 784) is [N, 784]); otherwise the counts must be provably equal. A count
/// that is provably different, or not provably equal, is an <see cref="ShapeErrorKind.ElementCountMismatch"/>
/// whose message says which.
/// </summary>
public static class Reshape
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or a target size is null.</exception>
    public static ShapeResult Apply(Shape input, IReadOnlyList<Dim> target)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }
        foreach (var size in target)
        {
            if (size is null)
            {
                throw new ArgumentNullException(nameof(target), "A target size is null.");
            }
        }
        const string op = "reshape";
        return Guard.Op(op, () =>
        {
            var constraints = new Constraints();
            var error = ElementCount.Resolve(op, input.NumElements(), target, "shape", constraints, out var resolved);
            return error is null ? ShapeResult.Ok(Shape.Of(resolved), constraints.Requirements) : ShapeResult.Fail(error);
        });
    }
}
