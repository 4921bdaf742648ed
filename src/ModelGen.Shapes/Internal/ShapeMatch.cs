namespace ModelGen.Shapes;

/// <summary>Checks an optional extra input (an initial state, a mask) against the shape it must have.</summary>
internal static class ShapeMatch
{
    /// <summary>
    /// <paramref name="actual"/> must be <paramref name="expected"/>: the same rank
    /// (<see cref="ShapeErrorKind.RankMismatch"/>) and provably equal dimensions
    /// (<see cref="ShapeErrorKind.DimMismatch"/>, also when equality cannot be proved).
    /// </summary>
    public static ShapeError? Exactly(string op, string what, Shape actual, Shape expected, string argument)
    {
        if (actual.Rank != expected.Rank)
        {
            return new ShapeError(
                ShapeErrorKind.RankMismatch,
                $"{op}: {what} must have the {Text.Int(expected.Rank)}-d shape {expected} but has the {Text.Int(actual.Rank)}-d shape {actual}",
                argument);
        }
        for (int i = 0; i < actual.Rank; i++)
        {
            var error = Constraints.Equal(
                actual[i],
                expected[i],
                $"{op}: {what} must have the shape {expected} but has {actual} (dimension {Text.Int(i)}: {actual[i]} instead of {expected[i]})",
                $"{op}: cannot prove that {what} {actual} has the shape {expected} (dimension {Text.Int(i)}: {actual[i]} vs {expected[i]})",
                argument);
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }
}
