using System;

namespace ModelGen.Shapes;

/// <summary>
/// An indivisible factor of a <see cref="Dim"/> monomial: a named symbol or the floor of a
/// normalised polynomial divided by a constant. Atoms are totally ordered so that a Dim's terms
/// have one canonical order.
/// </summary>
internal abstract class Atom : IEquatable<Atom>, IComparable<Atom>
{
    public abstract bool Equals(Atom? other);

    public abstract override int GetHashCode();

    public override bool Equals(object? obj) => obj is Atom a && Equals(a);

    /// <summary>Symbols sort before floor divisions; symbols by ordinal name; floors by divisor, then numerator.</summary>
    public int CompareTo(Atom? other)
    {
        if (other is null)
        {
            return 1;
        }
        if (ReferenceEquals(this, other))
        {
            return 0;
        }
        switch (this)
        {
            case SymbolAtom s when other is SymbolAtom t:
                return string.CompareOrdinal(s.Name, t.Name);
            case SymbolAtom:
                return -1;
            case FloorAtom when other is SymbolAtom:
                return 1;
            default:
                var f = (FloorAtom)this;
                var g = (FloorAtom)other;
                int byDivisor = f.Divisor.CompareTo(g.Divisor);
                return byDivisor != 0 ? byDivisor : Dim.CompareStructure(f.Numerator, g.Numerator);
        }
    }
}

/// <summary>A size known only by name, such as <c>N</c> or <c>H</c>; assumed to be a non-negative integer.</summary>
internal sealed class SymbolAtom : Atom
{
    public SymbolAtom(string name) => Name = name;

    public string Name { get; }

    public override bool Equals(Atom? other) => other is SymbolAtom s && string.Equals(s.Name, Name, StringComparison.Ordinal);

    public override int GetHashCode() => StableHash.OfString(Name);
}

/// <summary>
/// <c>floor(Numerator / Divisor)</c>, built only by <see cref="Dim.FloorDiv"/>, which guarantees the
/// numerator is already normalised (coefficients in [0, Divisor), no common factor with the divisor,
/// no single nested floor) so that equal values have equal atoms.
/// </summary>
internal sealed class FloorAtom : Atom
{
    public FloorAtom(Dim numerator, long divisor)
    {
        Numerator = numerator;
        Divisor = divisor;
        int depth = 0;
        foreach (var term in numerator.Terms)
        {
            foreach (var atom in term.Monomial.Factors)
            {
                if (atom is FloorAtom inner && inner.Depth > depth)
                {
                    depth = inner.Depth;
                }
            }
        }
        Depth = depth + 1;
    }

    /// <summary>How many floor divisions are nested here: 1 for <c>floor(H/2)</c>, 2 for <c>floor((floor(H/2) + W)/3)</c>.</summary>
    public int Depth { get; }

    public Dim Numerator { get; }

    public long Divisor { get; }

    public override bool Equals(Atom? other) => other is FloorAtom f && f.Divisor == Divisor && f.Numerator.Equals(Numerator);

    public override int GetHashCode() => StableHash.Combine(StableHash.Combine(0x2F1D, Numerator.GetHashCode()), Divisor.GetHashCode());
}
