using System.Linq;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential.Cases;

/// <summary>transpose, permute, squeeze, unsqueeze and sum over dims.</summary>
internal static class AxisCases
{
    public static DiffCase NextTranspose(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] sizes = r.Sizes(rank, 1, 5);
        long d0 = Axis(r, rank), d1 = Axis(r, rank);
        return AllSymbolic(new DiffCase
        {
            Description = $"transpose({d0}, {d1}) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => Transpose.Apply(s[0], d0, d1),
            Torch = t => (t[0].transpose(d0, d1), 0L),
        }, sizes);
    }

    public static DiffCase NextPermute(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] sizes = r.Sizes(rank, 1, 5);
        long[] dims = Enumerable.Range(0, rank).OrderBy(_ => r.Int(0, 1000)).Select(d => r.Chance(0.3) ? d - (long)rank : d).ToArray();
        string mode = "valid";
        if (r.Chance(0.35))
        {
            mode = r.Pick("repeat", "length", "range");
            switch (mode)
            {
                case "repeat" when rank >= 2:
                    dims[1] = dims[0] < 0 ? dims[0] + rank : dims[0] - rank;
                    break;
                case "length":
                    dims = r.Chance(0.5) || rank == 0 ? dims.Concat(new long[] { 0 }).ToArray() : dims.Skip(1).ToArray();
                    break;
                case "range" when rank >= 1:
                    dims[0] = r.Pick((long)rank, -rank - 1L);
                    break;
                default:
                    mode = "valid";
                    break;
            }
        }
        return AllSymbolic(new DiffCase
        {
            Description = $"permute(({string.Join(", ", dims)})) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => Permute.Apply(s[0], dims),
            Torch = t => (t[0].permute(dims), 0L),
        }, sizes);
    }

    public static DiffCase NextSqueeze(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] sizes = Enumerable.Range(0, rank).Select(_ => r.Pick(1L, 1L, 2L, 3L)).ToArray();
        long? dim = r.Chance(0.4) ? null : Axis(r, rank);
        var c = new DiffCase
        {
            Description = $"squeeze({(dim is null ? "" : dim.ToString())}) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => Squeeze.Apply(s[0], dim),
            Torch = t => (dim is null ? t[0].squeeze() : t[0].squeeze(dim.Value), 0L),
            SymbolicMayOverReject = true,
        };
        if (rank > 0)
        {
            // A symbolic batch of size 1 is kept by the engine and must then fail its requirement.
            c.With("batch", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
            // Sizes other than 1 symbolic: kept, with requirements that hold.
            var dims = sizes.Select((v, i) => v == 1 ? (Dim)1 : Dim.Sym("d" + i)).ToArray();
            c.With("non-1", new[] { Shape.Of(dims) }, sizes.Select((v, i) => ("d" + i, v)).Where(b => b.v != 1).ToArray());
        }
        return c;
    }

    public static DiffCase NextUnsqueeze(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] sizes = r.Sizes(rank, 1, 5);
        long dim = r.Chance(0.75) ? r.Int(-rank - 1, rank) : r.Pick(rank + 1L, -rank - 2L);
        return AllSymbolic(new DiffCase
        {
            Description = $"unsqueeze({dim}) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => Unsqueeze.Apply(s[0], dim),
            Torch = t => (t[0].unsqueeze(dim), 0L),
        }, sizes);
    }

    public static DiffCase NextReduce(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] sizes = r.Sizes(rank, 1, 5);
        int effective = rank == 0 ? 1 : rank;
        long[] dims = r.Chance(0.2)
            ? new long[0]
            : Enumerable.Range(0, effective).Where(_ => r.Chance(0.5)).Select(d => r.Chance(0.3) ? d - (long)effective : d).ToArray();
        string mode = "valid";
        if (r.Chance(0.3))
        {
            mode = r.Pick("repeat", "range");
            if (mode == "repeat")
            {
                long d = r.Int(0, effective - 1);
                dims = dims.Concat(new[] { d, d - effective }).ToArray();
            }
            else
            {
                dims = dims.Concat(new[] { r.Pick((long)effective, -effective - 1L) }).ToArray();
            }
        }
        bool keepDim = r.Chance(0.5);
        return AllSymbolic(new DiffCase
        {
            Description = $"sum(({string.Join(", ", dims)}), keepdim={keepDim}) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => Reduce.Apply(s[0], dims, keepDim),
            Torch = t => (t[0].sum(dims, keepDim), 0L),
        }, sizes);
    }

    /// <summary>A dimension index, in range three times out of four (a scalar counts as rank 1).</summary>
    private static long Axis(DiffRandom r, int rank)
    {
        int effective = rank == 0 ? 1 : rank;
        return r.Chance(0.75) ? r.Int(-effective, effective - 1) : r.Pick((long)effective, -effective - 1L);
    }

    private static DiffCase AllSymbolic(DiffCase c, long[] sizes)
    {
        if (sizes.Length > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        return c;
    }
}
