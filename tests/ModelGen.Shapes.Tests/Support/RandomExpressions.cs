using System;
using System.Collections.Generic;

namespace ModelGen.Shapes.Tests.Support;

/// <summary>
/// Random expression trees over a few symbols, built two ways at once: as a <see cref="Dim"/> through
/// the public operators, and as a plain closure that evaluates the same tree with floor division.
/// The closure is the straightforward interpreter the canonical form is checked against.
/// </summary>
internal static class RandomExpressions
{
    public static readonly string[] Symbols = { "A", "B", "H", "N" };

    public sealed record Expression(Dim Dim, Func<IReadOnlyDictionary<string, long>, long> Evaluate, string Text);

    public static Expression Next(Random random, int depth, bool floors = true)
    {
        if (depth <= 0 || random.Next(4) == 0)
        {
            if (random.Next(2) == 0)
            {
                long c = random.Next(-6, 10);
                return new Expression(Dim.Const(c), _ => c, c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            string name = Symbols[random.Next(Symbols.Length)];
            return new Expression(Dim.Sym(name), v => v[name], name);
        }
        var left = Next(random, depth - 1, floors);
        switch (random.Next(floors ? 4 : 3))
        {
            case 0:
            {
                var right = Next(random, depth - 1, floors);
                return new Expression(left.Dim + right.Dim, v => left.Evaluate(v) + right.Evaluate(v), $"({left.Text} + {right.Text})");
            }
            case 1:
            {
                var right = Next(random, depth - 1, floors);
                return new Expression(left.Dim - right.Dim, v => left.Evaluate(v) - right.Evaluate(v), $"({left.Text} - {right.Text})");
            }
            case 2:
            {
                // Keep products shallow so values stay small.
                var right = Next(random, Math.Min(depth - 1, 1), floors);
                return new Expression(left.Dim * right.Dim, v => left.Evaluate(v) * right.Evaluate(v), $"({left.Text} * {right.Text})");
            }
            default:
            {
                long d = random.Next(1, 7);
                return new Expression(Dim.FloorDiv(left.Dim, d), v => FloorDivide(left.Evaluate(v), d), $"floor({left.Text} / {d})");
            }
        }
    }

    public static Dictionary<string, long> Assignment(Random random, int max = 40)
    {
        var values = new Dictionary<string, long>();
        foreach (var name in Symbols)
        {
            values[name] = random.Next(0, max + 1);
        }
        return values;
    }

    public static long FloorDivide(long a, long b) => (long)Math.Floor((decimal)a / b);
}
