using System.Linq;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential.Cases;

internal static class BroadcastCases
{
    public static DiffCase Next(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] template = r.Sizes(rank, 1, 5);
        long[] a = Operand(r, template), b = Operand(r, template);
        if (a.Length < rank && b.Length < rank)
        {
            a = template.ToArray();
        }
        string mode = "valid";
        int common = System.Math.Min(a.Length, b.Length);
        if (common > 0 && r.Chance(0.35))
        {
            mode = "mismatch";
            int fromEnd = r.Int(1, common);
            long x = a[a.Length - fromEnd];
            if (x == 1)
            {
                x = a[a.Length - fromEnd] = r.Int(2, 5);
            }
            b[b.Length - fromEnd] = r.IntExcept(2, 6, x);
        }
        var c = new DiffCase
        {
            Description = $"{Sym.Text(a)} + {Sym.Text(b)} ({mode})",
            Inputs = new[] { a, b },
            Engine = s => Broadcast.Apply(s[0], s[1]),
            Torch = t => (t[0] + t[1], 0L),
        };
        if (rank > 0)
        {
            // Each template position i is symbol t{i} in every operand whose size there is the template's.
            var binding = template.Select((v, i) => ("t" + i, v)).ToArray();
            c.With("all", new[] { Symbolic(a, template), Symbolic(b, template) }, binding);
            c.With("batch", new[] { Symbolic(a, template, onlyFirst: true), Symbolic(b, template, onlyFirst: true) }, binding[0]);
        }
        return c;
    }

    /// <summary>A right-aligned suffix of the template with some sizes replaced by 1.</summary>
    private static long[] Operand(DiffRandom r, long[] template)
    {
        int rank = r.Int(0, template.Length);
        return template.Skip(template.Length - rank).Select(v => r.Chance(0.3) ? 1 : v).ToArray();
    }

    private static Shape Symbolic(long[] sizes, long[] template, bool onlyFirst = false)
    {
        int offset = template.Length - sizes.Length;
        return Shape.Of(sizes.Select((v, i) =>
        {
            int position = offset + i;
            bool symbolic = v == template[position] && (!onlyFirst || position == 0);
            return symbolic ? Dim.Sym("t" + position) : (Dim)v;
        }).ToArray());
    }
}
