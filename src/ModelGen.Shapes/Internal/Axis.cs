using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>Dimension indices as torch reads them: negative counts from the end.</summary>
internal static class Axis
{
    /// <summary>
    /// torch's maybe_wrap_dim: <paramref name="dim"/> in [-rank, rank - 1] maps to [0, rank - 1]; a
    /// scalar accepts -1 and 0 as if it had rank 1 (and maps both to 0). Null when out of range.
    /// </summary>
    public static int? Wrap(long dim, int rank, bool wrapScalar = true)
    {
        int effective = rank == 0 && wrapScalar ? 1 : rank;
        if (dim < -effective || dim >= effective)
        {
            return null;
        }
        return (int)(dim < 0 ? dim + effective : dim);
    }

    /// <summary>The allowed range as torch states it, <c>[-2, 1]</c>.</summary>
    public static string Range(int rank, bool wrapScalar = true)
    {
        int effective = rank == 0 && wrapScalar ? 1 : rank;
        return "[" + (-effective).ToString(CultureInfo.InvariantCulture) + ", " + (effective - 1).ToString(CultureInfo.InvariantCulture) + "]";
    }

    /// <summary>An <see cref="ShapeErrorKind.InvalidDimension"/> error for an index outside the shape.</summary>
    public static ShapeError OutOfRange(string op, string what, long dim, Shape shape, string argument, bool wrapScalar = true) =>
        new ShapeError(
            ShapeErrorKind.InvalidDimension,
            $"{op}: {what} {dim.ToString(CultureInfo.InvariantCulture)} is out of range for the {shape.Rank.ToString(CultureInfo.InvariantCulture)}-d shape {shape} (expected a value in {Range(shape.Rank, wrapScalar)})",
            argument);
}
