using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Shapes;

/// <summary>
/// The shape rule for <c>torch.matmul(a, b)</c>: 1-d · 1-d is a dot product (scalar); 2-d · 2-d a matrix
/// product [n, m] · [m, p] = [n, p]; a 1-d first operand is treated as [1, m] and a 1-d second operand as
/// [m, 1], the added dimension removed afterwards; beyond 2-d the leading (batch) dimensions broadcast.
/// The contracted sizes must be provably equal.
/// </summary>
public static class MatMul
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
        const string op = "matmul";
        return Guard.Op(op, () =>
        {
            if (a.Rank == 0 || b.Rank == 0)
            {
                return ShapeResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op}: both arguments need at least 1 dimension, but got {a} and {b}",
                    a.Rank == 0 ? "input" : "other"));
            }
            Dim inner = a[a.Rank - 1];
            Dim contracted = b.Rank == 1 ? b[0] : b[b.Rank - 2];
            var error = Constraints.Equal(
                inner,
                contracted,
                $"{op}: shapes {a} and {b} cannot be multiplied: {inner} (last dim of the first) differs from {contracted} ({(b.Rank == 1 ? "the size of the 1-d second" : "second-to-last dim of the second")})",
                $"{op}: cannot prove dims {inner} and {contracted} equal when multiplying {a} by {b}",
                "other");
            if (error is not null)
            {
                return ShapeResult.Fail(error);
            }

            var batchA = Shape.Of(a.Dims.Take(Math.Max(a.Rank - 2, 0)).ToArray());
            var batchB = Shape.Of(b.Dims.Take(Math.Max(b.Rank - 2, 0)).ToArray());
            error = Broadcast.TryBroadcast(op, batchA, batchB, "other", out var batch);
            if (error is not null)
            {
                return ShapeResult.Fail(error);
            }
            var output = new List<Dim>(batch!.Dims);
            if (a.Rank >= 2)
            {
                output.Add(a[a.Rank - 2]);
            }
            if (b.Rank >= 2)
            {
                output.Add(b[b.Rank - 1]);
            }
            return ShapeResult.Ok(Shape.Of(output));
        });
    }
}
