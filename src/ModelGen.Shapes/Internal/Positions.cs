namespace ModelGen.Shapes;

/// <summary>Positions within one dimension (select's index, narrow's start), negative counting from the end as in torch.</summary>
internal static class Positions
{
    /// <summary>
    /// Resolves <paramref name="position"/> in a dimension of <paramref name="size"/> elements: a negative
    /// constant counts from the end and must be at least -size; any other value (a symbolic one stands for
    /// a non-negative value) must be below size, or at most size when <paramref name="allowEnd"/>. Decided
    /// where possible, a requirement otherwise.
    /// </summary>
    /// <param name="op">The operation, for messages.</param>
    /// <param name="what">The position's name in messages (<c>index</c>, <c>start</c>).</param>
    /// <param name="position">The position as written.</param>
    /// <param name="size">The size of the dimension.</param>
    /// <param name="axis">The dimension's index, for messages.</param>
    /// <param name="input">The input shape, for messages.</param>
    /// <param name="constraints">Receives the requirement when the condition depends on symbols.</param>
    /// <param name="argument">The argument named in errors.</param>
    /// <param name="allowEnd">Whether the position may equal the size (a start with nothing after it).</param>
    /// <param name="resolved">The position counted from the start, on success.</param>
    public static ShapeError? Resolve(string op, string what, Dim position, Dim size, int axis, Shape input, Constraints constraints, string argument, bool allowEnd, out Dim resolved)
    {
        string range = allowEnd ? "[-size, size]" : "[-size, size - 1]";
        ShapeError OutOfRange() => new ShapeError(
            ShapeErrorKind.InvalidHyperparameter,
            $"{op}: {what} {position} is out of range for dimension {Text.Int(axis)} of {input}, which has {size} elements (expected a value in {range})",
            argument);

        if (position.ConstantValue is long c && c < 0)
        {
            resolved = size + position;
            return constraints.AtLeast(
                size,
                -position,
                $"{op}: {what} {position} counts from the end of dimension {Text.Int(axis)}, so it must have at least {-position} elements",
                OutOfRange);
        }
        resolved = position;
        return constraints.AtLeast(
            size,
            allowEnd ? position : position + 1,
            allowEnd
                ? $"{op}: {what} {position} must not be past the end of dimension {Text.Int(axis)}"
                : $"{op}: {what} {position} must be less than the size of dimension {Text.Int(axis)}",
            OutOfRange);
    }
}
