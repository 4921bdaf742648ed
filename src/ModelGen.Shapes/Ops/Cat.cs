using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.cat(tensors, dim)</c>: all shapes have the same rank and equal sizes
/// except along dim, where the output is the sum. As in ATen, 1-d tensors of size 0 are skipped
/// (legacy behaviour), and scalars cannot be concatenated.
/// </summary>
public static class Cat
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
        const string op = "cat";
        return Guard.Op(op, () =>
        {
            if (tensors.Count == 0)
            {
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: expected a non-empty list of tensors", "tensors"));
            }
            for (int i = 0; i < tensors.Count; i++)
            {
                if (tensors[i].Rank == 0)
                {
                    return ShapeResult.Fail(new ShapeError(
                        ShapeErrorKind.RankMismatch,
                        $"{op}: tensor {Text.Int(i)} is a scalar {tensors[i]}, and scalars cannot be concatenated",
                        "tensors"));
                }
            }
            var kept = new List<(int Index, Shape Shape)>();
            for (int i = 0; i < tensors.Count; i++)
            {
                var s = tensors[i];
                if (!(s.Rank == 1 && s[0].ConstantValue == 0))
                {
                    kept.Add((i, s));
                }
            }
            if (kept.Count == 0)
            {
                // Only empty 1-d tensors: torch returns the first one's shape, [0].
                return Axis.Wrap(dim, 1) is null
                    ? ShapeResult.Fail(Axis.OutOfRange(op, "dim", dim, tensors[0], "dim"))
                    : ShapeResult.Ok(tensors[0]);
            }
            var first = kept[0].Shape;
            var axis = Axis.Wrap(dim, first.Rank);
            if (axis is null)
            {
                return ShapeResult.Fail(Axis.OutOfRange(op, "dim", dim, first, "dim"));
            }
            var output = new Dim[first.Rank];
            for (int d = 0; d < first.Rank; d++)
            {
                output[d] = d == axis.Value ? Dim.Zero : first[d];
            }
            foreach (var (index, shape) in kept)
            {
                if (shape.Rank != first.Rank)
                {
                    return ShapeResult.Fail(new ShapeError(
                        ShapeErrorKind.RankMismatch,
                        $"{op}: tensors must have the same number of dimensions, but tensor {Text.Int(kept[0].Index)} is {first} and tensor {Text.Int(index)} is {shape}",
                        "tensors"));
                }
                for (int d = 0; d < first.Rank; d++)
                {
                    if (d == axis.Value)
                    {
                        output[d] += shape[d];
                        continue;
                    }
                    var error = Constraints.Equal(
                        first[d],
                        shape[d],
                        $"{op}: sizes must match except in dimension {Text.Int(axis.Value)}, but tensor {Text.Int(kept[0].Index)} is {first} and tensor {Text.Int(index)} is {shape} (dimension {Text.Int(d)}: {first[d]} vs {shape[d]})",
                        $"{op}: cannot prove dims {first[d]} and {shape[d]} equal in dimension {Text.Int(d)} of tensors {Text.Int(kept[0].Index)} {first} and {Text.Int(index)} {shape}",
                        "tensors");
                    if (error is not null)
                    {
                        return ShapeResult.Fail(error);
                    }
                }
            }
            return ShapeResult.Ok(Shape.Of(output));
        });
    }
}
