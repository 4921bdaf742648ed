using System;

namespace ModelGen.Shapes;

/// <summary>Lower bounds of symbolic values, knowing only that every symbol is a non-negative integer.</summary>
internal static class Bounds
{
    /// <summary>
    /// A value no greater than any value <paramref name="d"/> can take, or null when none is evident
    /// (a negative coefficient on a symbolic term, or an overflow).
    /// </summary>
    public static long? LowerBound(Dim d)
    {
        try
        {
            return LowerBoundChecked(d);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long? LowerBoundChecked(Dim d)
    {
        long sum = 0;
        foreach (var term in d.Terms)
        {
            if (term.Monomial.IsOne)
            {
                sum = checked(sum + term.Coefficient);
                continue;
            }
            if (term.Coefficient < 0)
            {
                return null;
            }
            long product = term.Coefficient;
            foreach (var atom in term.Monomial.Factors)
            {
                long? bound = atom is FloorAtom f
                    ? LowerBoundChecked(f.Numerator) is long n ? Dim.FloorDivide(n, f.Divisor) : null
                    : 0;
                // A product is bounded below by the product of bounds only when every factor is non-negative.
                if (bound is null || bound.Value < 0)
                {
                    return null;
                }
                product = checked(product * bound.Value);
            }
            sum = checked(sum + product);
        }
        return sum;
    }

    /// <summary>True when <paramref name="a"/> &gt;= <paramref name="b"/> for every value of the symbols (as far as can be shown).</summary>
    public static bool ProvablyAtLeast(Dim a, Dim b) => LowerBound(a - b) is long bound && bound >= 0;

    /// <summary>True when <paramref name="a"/> &lt; <paramref name="b"/> for every value of the symbols (as far as can be shown).</summary>
    public static bool ProvablyLess(Dim a, Dim b) => LowerBound(b - a) is long bound && bound > 0;
}
