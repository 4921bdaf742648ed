using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelGen.Shapes.Tests.Differential;

/// <summary>Seeded random choices and shape helpers for the generators.</summary>
internal sealed class DiffRandom
{
    private readonly Random _random;

    public DiffRandom(int seed) => _random = new Random(seed);

    /// <summary>Uniform in [lo, hi], both inclusive.</summary>
    public long Int(long lo, long hi) => lo + (long)(_random.NextDouble() * (hi - lo + 1));

    public int Int(int lo, int hi) => _random.Next(lo, hi + 1);

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    public long[] Sizes(int rank, long lo, long hi) => Enumerable.Range(0, rank).Select(_ => Int(lo, hi)).ToArray();

    /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> positive factors whose product is total.</summary>
    public long[] Factor(long total, int parts)
    {
        var factors = new long[parts];
        long rest = total;
        for (int i = 0; i < parts - 1; i++)
        {
            var divisors = Enumerable.Range(1, (int)rest).Where(d => rest % d == 0).ToArray();
            factors[i] = divisors[_random.Next(divisors.Length)];
            rest /= factors[i];
        }
        factors[parts - 1] = rest;
        return factors.OrderBy(_ => _random.Next()).ToArray();
    }

    /// <summary>A value in [lo, hi] different from every value in <paramref name="avoid"/>.</summary>
    public long IntExcept(long lo, long hi, params long[] avoid)
    {
        var allowed = Enumerable.Range((int)lo, (int)(hi - lo + 1)).Select(v => (long)v).Where(v => !avoid.Contains(v)).ToArray();
        return allowed[_random.Next(allowed.Length)];
    }
}

/// <summary>Symbolic shapes from concrete sizes.</summary>
internal static class Sym
{
    public static Shape Concrete(long[] sizes) => Shape.OfSizes(sizes);

    /// <summary>Dimension 0 becomes N.</summary>
    public static Shape Batch(long[] sizes, string name = "N")
    {
        var dims = sizes.Select(s => (Dim)s).ToArray();
        dims[0] = Dim.Sym(name);
        return Shape.Of(dims);
    }

    /// <summary>Every dimension i becomes its own symbol, prefix + i.</summary>
    public static Shape All(long[] sizes, string prefix = "d") =>
        Shape.Of(sizes.Select((_, i) => Dim.Sym(prefix + i)).ToArray());

    /// <summary>The binding for <see cref="All"/>.</summary>
    public static (string, long)[] AllBinding(long[] sizes, string prefix = "d") =>
        sizes.Select((s, i) => (prefix + i, s)).ToArray();

    public static string Text(long[] sizes) => "[" + string.Join(", ", sizes) + "]";
}
