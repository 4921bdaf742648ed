using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// A product of atoms (with repetition for powers), kept sorted ascending. The empty product is
/// the constant monomial 1.
/// </summary>
internal sealed class Monomial : IEquatable<Monomial>
{
    public static readonly Monomial One = new Monomial(Array.Empty<Atom>());

    private readonly int _hash;

    private Monomial(Atom[] factors)
    {
        Factors = factors;
        int hash = 0x3A7;
        foreach (var atom in factors)
        {
            hash = StableHash.Combine(hash, atom.GetHashCode());
        }
        _hash = hash;
    }

    /// <summary>The factors, ascending by <see cref="Atom.CompareTo"/>.</summary>
    public Atom[] Factors { get; }

    public int Degree => Factors.Length;

    public bool IsOne => Factors.Length == 0;

    public static Monomial Of(Atom atom) => new Monomial(new[] { atom });

    public static Monomial FromUnsorted(List<Atom> factors)
    {
        factors.Sort((a, b) => a.CompareTo(b));
        return new Monomial(factors.ToArray());
    }

    public Monomial Times(Monomial other)
    {
        if (IsOne)
        {
            return other;
        }
        if (other.IsOne)
        {
            return this;
        }
        // Merge of two sorted lists keeps the product sorted.
        var merged = new Atom[Factors.Length + other.Factors.Length];
        int i = 0, j = 0, k = 0;
        while (i < Factors.Length && j < other.Factors.Length)
        {
            merged[k++] = Factors[i].CompareTo(other.Factors[j]) <= 0 ? Factors[i++] : other.Factors[j++];
        }
        while (i < Factors.Length)
        {
            merged[k++] = Factors[i++];
        }
        while (j < other.Factors.Length)
        {
            merged[k++] = other.Factors[j++];
        }
        return new Monomial(merged);
    }

    /// <summary>This monomial divided by <paramref name="divisor"/>, or null when some factor is missing.</summary>
    public Monomial? DividedBy(Monomial divisor)
    {
        var rest = new List<Atom>(Factors.Length);
        int j = 0;
        foreach (var atom in Factors)
        {
            if (j < divisor.Factors.Length && atom.Equals(divisor.Factors[j]))
            {
                j++;
            }
            else
            {
                if (j < divisor.Factors.Length && divisor.Factors[j].CompareTo(atom) < 0)
                {
                    return null;
                }
                rest.Add(atom);
            }
        }
        return j == divisor.Factors.Length ? new Monomial(rest.ToArray()) : null;
    }

    /// <summary>
    /// Graded lexicographic order: higher degree is greater; at equal degree the monomial with more
    /// of the earliest atom is greater. It is a monomial order (compatible with products), which exact
    /// polynomial division relies on, and it reads naturally: <c>C * H * W + H - 2</c>.
    /// </summary>
    public static int CompareGradedLex(Monomial a, Monomial b)
    {
        if (a.Degree != b.Degree)
        {
            return a.Degree.CompareTo(b.Degree);
        }
        for (int i = 0; i < a.Factors.Length; i++)
        {
            int c = a.Factors[i].CompareTo(b.Factors[i]);
            if (c != 0)
            {
                // The smaller atom at the first difference means a higher power of an earlier atom.
                return -c;
            }
        }
        return 0;
    }

    public bool Equals(Monomial? other)
    {
        if (other is null || other._hash != _hash || other.Factors.Length != Factors.Length)
        {
            return false;
        }
        for (int i = 0; i < Factors.Length; i++)
        {
            if (!Factors[i].Equals(other.Factors[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is Monomial m && Equals(m);

    public override int GetHashCode() => _hash;
}
