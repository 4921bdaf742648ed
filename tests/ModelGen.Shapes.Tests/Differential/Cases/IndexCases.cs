using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Shapes.Tests.Differential.Cases;

/// <summary>select, narrow, slicing one dimension, and stack.</summary>
internal static class IndexCases
{
    public static DiffCase NextSelect(DiffRandom r)
    {
        int rank = Rank(r);
        long[] sizes = r.Sizes(rank, 1, 5);
        long dim = Axis(r, rank);
        long size = Size(sizes, dim);
        long index = r.Chance(0.75) ? r.Int(-size, size - 1) : r.Chance(0.5) ? size + r.Int(0, 2) : -size - 1 - r.Int(0, 2);
        var c = new DiffCase
        {
            Description = $"select({dim}, {index}) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => Select.Apply(s[0], dim, index),
            Torch = t => (t[0].select(dim, index), 0L),
        };
        if (rank > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
            if (index >= 0)
            {
                c.WithEngine("index", s => Select.Apply(s[0], dim, Dim.Sym("i")), new[] { Sym.All(sizes) }, Sym.AllBinding(sizes).Append(("i", index)).ToArray());
            }
        }
        return c;
    }

    public static DiffCase NextNarrow(DiffRandom r)
    {
        int rank = Rank(r);
        long[] sizes = r.Sizes(rank, 1, 5);
        long dim = Axis(r, rank);
        long size = Size(sizes, dim);
        long start = r.Int(-size, size);
        long length = r.Int(0, size - (start < 0 ? start + size : start));
        string mode = "valid";
        if (r.Chance(0.25))
        {
            mode = r.Pick("start", "length", "past-end");
            switch (mode)
            {
                case "start":
                    start = r.Chance(0.5) ? size + r.Int(1, 2) : -size - r.Int(1, 2);
                    length = 0;
                    break;
                case "length":
                    length = -r.Int(1, 2);
                    break;
                default:
                    length = size - (start < 0 ? start + size : start) + r.Int(1, 2);
                    break;
            }
        }
        var c = new DiffCase
        {
            Description = $"narrow({dim}, {start}, {length}) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => Narrow.Apply(s[0], dim, start, length),
            Torch = t => (t[0].narrow(dim, start, length), 0L),
        };
        if (rank > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
            if (start >= 0 && length >= 0)
            {
                c.WithEngine(
                    "start-length",
                    s => Narrow.Apply(s[0], dim, Dim.Sym("s"), Dim.Sym("l")),
                    new[] { Sym.All(sizes) },
                    Sym.AllBinding(sizes).Append(("s", start)).Append(("l", length)).ToArray());
            }
        }
        return c;
    }

    public static DiffCase NextSlice(DiffRandom r)
    {
        int rank = Rank(r);
        long[] sizes = r.Sizes(rank, 1, 6);
        long dim = Axis(r, rank);
        long size = Size(sizes, dim);
        // Half the bounds inside the dimension, in order (where the symbolic form needs no clamping), half anywhere.
        bool inside = r.Chance(0.5);
        long? start = r.Chance(0.25) ? null : inside ? r.Int(0, size) : r.Int(-8, 8);
        long? end = r.Chance(0.25) ? null : inside ? r.Int(start ?? 0, size) : r.Int(-8, 8);
        if (inside && r.Chance(0.5))
        {
            // The same positions counted from the end.
            start = start is long a && a > 0 ? a - size : start;
            end = end is long b && b < size ? b - size : end;
        }
        long step = r.Chance(0.1) ? r.Pick(0L, -1L) : r.Int(1, 3);
        // TorchSharp's indexer hands libtorch a step of 0 unchecked, and libtorch's error then aborts the
        // process; Tensor.slice checks the step itself first.
        bool indexer = step > 0 && r.Chance(0.5);
        var c = new DiffCase
        {
            Description = $"{(indexer ? "x[..]" : "slice")}(dim {dim}, [{start}:{end}:{step}]) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => Slice.Apply(s[0], dim, start, end, step),
            // Symbolically the engine requires bounds that need no clamping; torch clamps instead.
            SymbolicMayOverReject = true,
            Torch = t => (indexer ? t[0][SliceIndices(dim, start, end, step)] : t[0].slice(dim, start ?? 0, end ?? long.MaxValue, step), 0L),
        };
        if (rank > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        return c;
    }

    public static DiffCase NextStack(DiffRandom r)
    {
        int count = r.Chance(0.05) ? 0 : r.Int(1, 3);
        int rank = r.Int(0, 3);
        long[] baseSizes = r.Sizes(rank, 1, 4);
        long dim = r.Chance(0.8) ? r.Int(-rank - 1, rank) : r.Pick(rank + 1L, -rank - 2L);
        var tensors = Enumerable.Range(0, count).Select(_ => baseSizes.ToArray()).ToList();
        string mode = count == 0 ? "empty" : "valid";
        if (count >= 2 && r.Chance(0.35))
        {
            mode = r.Pick("mismatch", "rank");
            if (mode == "mismatch" && rank > 0)
            {
                int d = r.Int(0, rank - 1);
                tensors[1][d] = r.IntExcept(1, 5, baseSizes[d]);
            }
            else
            {
                mode = "rank";
                tensors[1] = tensors[1].Append(1L).ToArray();
            }
        }
        var c = new DiffCase
        {
            Description = $"stack({string.Join(", ", tensors.Select(Sym.Text))}, dim={dim}) ({mode})",
            Inputs = tensors.ToArray(),
            Engine = s => Stack.Apply(s, dim),
            Torch = t => (torch.stack(t, dim), 0L),
        };
        if (count > 0 && rank > 0)
        {
            // Positions equal to the first tensor's share its symbol.
            var binding = baseSizes.Select((v, i) => ($"s{i}", v)).ToList();
            var shapes = tensors.Select(sizes => Shape.Of(sizes.Select((v, i) => i < rank && v == baseSizes[i] ? Dim.Sym($"s{i}") : (Dim)v).ToArray())).ToArray();
            c.With("shared", shapes, binding.ToArray());
        }
        return c;
    }

    /// <summary>x[:, ..., start:end:step] with the slice at dim (a negative dim counts from the end, after an ellipsis).</summary>
    private static TensorIndex[] SliceIndices(long dim, long? start, long? end, long step)
    {
        var slice = TensorIndex.Slice(start, end, step);
        return dim >= 0
            ? Enumerable.Repeat(TensorIndex.Colon, (int)dim).Append(slice).ToArray()
            : new[] { TensorIndex.Ellipsis, slice }.Concat(Enumerable.Repeat(TensorIndex.Colon, (int)(-dim - 1))).ToArray();
    }

    /// <summary>A rank from 0 (rarely: a scalar has nothing to index) to 4.</summary>
    private static int Rank(DiffRandom r) => r.Chance(0.08) ? 0 : r.Int(1, 4);

    /// <summary>A dimension index, in range six times out of seven; a scalar has none.</summary>
    private static long Axis(DiffRandom r, int rank) =>
        rank > 0 && r.Chance(6.0 / 7) ? r.Int(-rank, rank - 1) : r.Pick((long)rank, -rank - 1L);

    /// <summary>The size at dim, or 3 when dim is out of range (any value will do then).</summary>
    private static long Size(long[] sizes, long dim)
    {
        long wrapped = dim < 0 ? dim + sizes.Length : dim;
        return wrapped >= 0 && wrapped < sizes.Length ? sizes[wrapped] : 3;
    }
}
