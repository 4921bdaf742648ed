using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.stack(tensors, dim)</c>: tensors of one shape are joined along a new
/// dimension of size <c>count</c> inserted at dim, which may be in [-rank - 1, rank]. Scalars stack into a
/// 1-d tensor; the list must not be empty.
/// </summary>
public static class Stack
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">The list or one of its shapes is null.</exception>
    public static ShapeResult Apply(IReadOnlyList<Shape> tensors, long dim)
    {
        if (tensors is null)
        {
            throw new ArgumentNullException(nameof(tensors));
        }
        for (int i = 0; i < tensors.Count; i++)
        {
            if (tensors[i] is null)
            {
                throw new ArgumentNullException(nameof(tensors), $"Shape {i} is null.");
            }
        }
        const string op = "stack";
        return Guard.Op(op, () =>
        {
            if (tensors.Count == 0)
            {
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: expected a non-empty list of tensors", "tensors"));
            }
            var first = tensors[0];
            var position = Axis.Wrap(dim, first.Rank + 1, wrapScalar: false);
            if (position is null)
            {
                return ShapeResult.Fail(new ShapeError(
                    ShapeErrorKind.InvalidDimension,
                    $"{op}: dim {Text.Int(dim)} is out of range for stacking {Text.Int(first.Rank)}-d tensors {first} (expected a value in {Axis.Range(first.Rank + 1, wrapScalar: false)})",
                    "dim"));
            }
            for (int i = 1; i < tensors.Count; i++)
            {
                var shape = tensors[i];
                if (shape.Rank != first.Rank)
                {
                    return ShapeResult.Fail(new ShapeError(
                        ShapeErrorKind.RankMismatch,
                        $"{op}: every tensor must have the same shape, but tensor 0 is {first} and tensor {Text.Int(i)} is {shape}",
                        "tensors"));
                }
                for (int d = 0; d < first.Rank; d++)
                {
                    var error = Constraints.Equal(
                        shape[d],
                        first[d],
                        $"{op}: every tensor must have the same shape, but tensor 0 is {first} and tensor {Text.Int(i)} is {shape} (dimension {Text.Int(d)}: {first[d]} vs {shape[d]})",
                        $"{op}: cannot prove dims {first[d]} and {shape[d]} equal in dimension {Text.Int(d)} of tensors 0 {first} and {Text.Int(i)} {shape}",
                        "tensors");
                    if (error is not null)
                    {
                        return ShapeResult.Fail(error);
                    }
                }
            }
            var output = new List<Dim>(first.Dims);
            output.Insert(position.Value, Dim.Const(tensors.Count));
            return ShapeResult.Ok(Shape.Of(output));
        });
    }
}
