using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// Resolves a view/reshape target against an element count, as ATen's <c>infer_size</c>: at most one
/// -1, which becomes the exact quotient of the counts; without one, the counts must be equal.
/// </summary>
internal static class ElementCount
{
    /// <param name="op">The operation, for messages.</param>
    /// <param name="total">The number of elements being viewed.</param>
    /// <param name="target">The target sizes; <c>Dim.Const(-1)</c> marks the one to infer.</param>
    /// <param name="argument">The argument named in errors about the target.</param>
    /// <param name="constraints">Receives requirements for symbolic target sizes.</param>
    /// <param name="resolved">The target with -1 replaced, on success.</param>
    public static ShapeError? Resolve(string op, Dim total, IReadOnlyList<Dim> target, string argument, Constraints constraints, out Dim[] resolved)
    {
        resolved = new Dim[target.Count];
        string targetText = "(" + string.Join(", ", target) + ")";
        int inferred = -1;
        Dim known = Dim.One;
        for (int i = 0; i < target.Count; i++)
        {
            var size = target[i];
            if (size.ConstantValue == -1)
            {
                if (inferred >= 0)
                {
                    return new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: only one dimension can be -1 (inferred) in {targetText}", argument);
                }
                inferred = i;
                continue;
            }
            var error = constraints.AtLeast(
                size,
                0,
                $"{op}: size {size} in {targetText} must not be negative",
                () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: size {size} in {targetText} is negative", argument));
            if (error is not null)
            {
                return error;
            }
            resolved[i] = size;
            known *= size;
        }

        if (inferred < 0)
        {
            return Constraints.Equal(
                total,
                known,
                $"{op}: {total} elements cannot be viewed as {targetText}, which has {known} elements",
                $"{op}: cannot prove that {total} elements fill {targetText}, which has {known} elements",
                argument,
                ShapeErrorKind.ElementCountMismatch);
        }

        if (known.ConstantValue == 0)
        {
            return new ShapeError(
                ShapeErrorKind.ElementCountMismatch,
                $"{op}: the -1 in {targetText} is ambiguous because the other sizes multiply to 0",
                argument);
        }
        var quotient = Dim.DivideExact(total, known);
        if (quotient is null)
        {
            return new ShapeError(
                ShapeErrorKind.ElementCountMismatch,
                $"{op}: {total} elements cannot be viewed as {targetText}: {NotAMultiple(total, known)}",
                argument);
        }
        resolved[inferred] = quotient;
        return null;
    }

    /// <summary><c>256 is not a multiple of 784</c> for <c>256 * N</c> over 784; the whole count otherwise.</summary>
    private static string NotAMultiple(Dim total, Dim known)
    {
        var terms = total.Terms;
        if (known.IsConstant && terms.Length == 1)
        {
            return $"{Text.Int(terms[0].Coefficient)} is not a multiple of {known}";
        }
        return $"{total} is not a multiple of {known} for every value of its symbols";
    }
}
