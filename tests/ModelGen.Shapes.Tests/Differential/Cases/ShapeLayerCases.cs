using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

internal static class DropoutCases
{
    public static DiffCase Next(DiffRandom r)
    {
        long[] sizes = r.Sizes(r.Int(0, 4), 1, 4);
        bool valid = r.Chance(0.7);
        double p = valid ? r.Pick(0.0, 0.2, 0.5, 0.9, 1.0) : r.Pick(-0.5, -0.01, 1.01, 2.0);
        var c = new DiffCase
        {
            Description = $"Dropout({p}) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => DropoutRule.Apply(s[0], new DropoutOptions(p)),
            Torch = t =>
            {
                // Training mode (the default): dropout actually runs.
                using var m = torch.nn.Dropout(p);
                return (m.forward(t[0]), Count(m));
            },
        };
        if (sizes.Length > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        return c;
    }
}

internal static class ActivationCases
{
    public static DiffCase Next(DiffRandom r)
    {
        long[] sizes = r.Sizes(r.Int(0, 4), 1, 4);
        var kind = r.Pick(ActivationKind.ReLU, ActivationKind.LeakyReLU, ActivationKind.Sigmoid, ActivationKind.Tanh, ActivationKind.GELU);
        double slope = r.Pick(0.01, 0.2);
        var c = new DiffCase
        {
            Description = $"{kind} on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => ActivationRule.Apply(s[0], new ActivationOptions(kind) { NegativeSlope = slope }),
            Torch = t =>
            {
                using torch.nn.Module<torch.Tensor, torch.Tensor> m = kind switch
                {
                    ActivationKind.ReLU => torch.nn.ReLU(),
                    ActivationKind.LeakyReLU => torch.nn.LeakyReLU(slope),
                    ActivationKind.Sigmoid => torch.nn.Sigmoid(),
                    ActivationKind.Tanh => torch.nn.Tanh(),
                    _ => torch.nn.GELU(),
                };
                return (m.forward(t[0]), Count(m));
            },
        };
        if (sizes.Length > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        return c;
    }
}

internal static class SoftmaxCases
{
    public static DiffCase Next(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] sizes = r.Sizes(rank, 1, 4);
        int effective = rank == 0 ? 1 : rank;
        long dim = r.Chance(0.7) ? r.Int(-effective, effective - 1) : r.Pick(-effective - 1L, effective, effective + 1L);
        bool log = r.Chance(0.5);
        var c = new DiffCase
        {
            Description = $"{(log ? "LogSoftmax" : "Softmax")}({dim}) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => SoftmaxRule.Apply(s[0], new SoftmaxOptions(dim) { Log = log }),
            Torch = t =>
            {
                using torch.nn.Module<torch.Tensor, torch.Tensor> m = log ? torch.nn.LogSoftmax(dim) : torch.nn.Softmax(dim);
                return (m.forward(t[0]), Count(m));
            },
        };
        if (sizes.Length > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        return c;
    }
}

internal static class FlattenCases
{
    public static DiffCase NextLayer(DiffRandom r) => Next(r, layer: true);

    public static DiffCase NextOp(DiffRandom r) => Next(r, layer: false);

    private static DiffCase Next(DiffRandom r, bool layer)
    {
        int rank = r.Int(0, 5);
        long[] sizes = r.Sizes(rank, 1, 4);
        int effective = rank == 0 ? 1 : rank;
        long start, end;
        if (r.Chance(0.65))
        {
            long a = r.Int(0, effective - 1), b = r.Int(0, effective - 1);
            (start, end) = (System.Math.Min(a, b), System.Math.Max(a, b));
            start = r.Chance(0.3) ? start - effective : start;
            end = r.Chance(0.3) ? end - effective : end;
        }
        else
        {
            start = r.Int(-effective - 1, effective);
            end = r.Int(-effective - 1, effective);
        }
        var c = new DiffCase
        {
            Description = $"{(layer ? "Flatten" : "flatten")}({start}, {end}) on {Sym.Text(sizes)}",
            Inputs = new[] { sizes },
            Engine = s => layer
                ? (EngineOutcome)FlattenRule.Apply(s[0], new FlattenOptions { StartDim = start, EndDim = end })
                : Flatten.Apply(s[0], start, end),
            Torch = t =>
            {
                if (!layer)
                {
                    return (torch.flatten(t[0], start, end), 0L);
                }
                using var m = torch.nn.Flatten(start, end);
                return (m.forward(t[0]), Count(m));
            },
        };
        if (sizes.Length > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        return c;
    }
}

internal static class UnflattenCases
{
    public static DiffCase Next(DiffRandom r)
    {
        int rank = r.Int(1, 4);
        long[] sizes = r.Sizes(rank, 1, 12);
        int axis = r.Int(0, rank - 1);
        long dim = axis;
        long[] split = r.Factor(sizes[axis], r.Int(1, 3));
        if (r.Chance(0.3))
        {
            split[r.Int(0, split.Length - 1)] = -1;
        }
        string mode = "valid";
        if (r.Chance(0.35))
        {
            mode = r.Pick("product", "two-inferred", "empty", "dim", "rank0");
            switch (mode)
            {
                case "product":
                    int i = r.Int(0, split.Length - 1);
                    split[i] = split[i] == -1 ? 7 * sizes[axis] + 1 : split[i] + 1;
                    if (split.Length == 1 && split[0] == -1)
                    {
                        split[0] = sizes[axis] + 1;
                    }
                    break;
                case "two-inferred":
                    split = split.Concat(new long[] { -1, -1 }).ToArray();
                    break;
                case "empty":
                    split = new long[0];
                    break;
                case "dim":
                    dim = r.Pick(rank, -1, axis - rank);
                    break;
                case "rank0":
                    sizes = new long[0];
                    dim = 0;
                    break;
            }
        }
        var c = new DiffCase
        {
            Description = $"Unflatten({dim}, ({string.Join(", ", split)})) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => UnflattenRule.Apply(s[0], new UnflattenOptions(dim, split.Select(v => (Dim)v).ToArray())),
            Torch = t =>
            {
                using var m = torch.nn.Unflatten(dim, split);
                return (m.forward(t[0]), Count(m));
            },
        };
        // Every other dimension symbolic; the one split stays concrete, since it is divided.
        if (sizes.Length > 0)
        {
            var dims = sizes.Select((v, i) => i == axis ? (Dim)v : Dim.Sym("d" + i)).ToArray();
            c.With("others", new[] { Shape.Of(dims) }, sizes.Select((v, i) => ("d" + i, v)).ToArray());
        }
        return c;
    }
}

internal static class ReshapeCases
{
    /// <summary>The per-sample reshape layer: x.reshape(batch, ...shape).</summary>
    public static DiffCase NextLayer(DiffRandom r)
    {
        int rank = r.Int(1, 4);
        long[] sizes = r.Sizes(rank, 1, 6);
        long perSample = sizes.Skip(1).Aggregate(1L, (a, b) => a * b);
        long[] target = Target(r, perSample, out string mode);
        var c = new DiffCase
        {
            Description = $"Reshape(({string.Join(", ", target)})) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => ReshapeRule.Apply(s[0], new ReshapeOptions(target.Select(v => (Dim)v).ToArray())),
            Torch = t => (t[0].reshape(new[] { sizes[0] }.Concat(target).ToArray()), 0L),
        };
        c.With("batch", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
        return c;
    }

    /// <summary>torch.reshape(x, shape); a target that keeps dimension 0 also runs with a symbolic batch.</summary>
    public static DiffCase NextOp(DiffRandom r)
    {
        int rank = r.Int(0, 4);
        long[] sizes = r.Sizes(rank, 1, 6);
        long total = sizes.Aggregate(1L, (a, b) => a * b);
        bool keepsBatch = rank >= 1 && r.Chance(0.5);
        long[] target;
        string mode;
        if (keepsBatch)
        {
            long[] rest = Target(r, total / sizes[0], out mode);
            target = new[] { sizes[0] }.Concat(rest).ToArray();
        }
        else
        {
            target = Target(r, total, out mode);
        }
        var c = new DiffCase
        {
            Description = $"reshape(({string.Join(", ", target)})) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s =>
            {
                var dims = target.Select(v => (Dim)v).ToArray();
                if (keepsBatch)
                {
                    dims[0] = s[0][0];
                }
                return Reshape.Apply(s[0], dims);
            },
            Torch = t => (t[0].reshape(target), 0L),
        };
        if (keepsBatch)
        {
            c.With("batch", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
        }
        return c;
    }

    /// <summary>A shape for <paramref name="total"/> elements, perhaps with -1, or broken in one way.</summary>
    private static long[] Target(DiffRandom r, long total, out string mode)
    {
        long[] target = r.Factor(total, r.Int(1, 4));
        if (r.Chance(0.35))
        {
            target[r.Int(0, target.Length - 1)] = -1;
        }
        mode = "valid";
        if (r.Chance(0.35))
        {
            mode = r.Pick("product", "two-inferred", "negative", "not-a-multiple");
            int i = r.Int(0, target.Length - 1);
            switch (mode)
            {
                case "product":
                    target[i] = target[i] == -1 ? total + 1 : target[i] + r.Int(1, 3);
                    break;
                case "two-inferred":
                    target = target.Concat(new long[] { -1, -1 }).ToArray();
                    break;
                case "negative":
                    target[i] = r.Pick(-2L, -3L);
                    break;
                case "not-a-multiple":
                    long divisor = Enumerable.Range(2, 12).Select(v => (long)v).First(v => total % v != 0);
                    target = new[] { -1, divisor };
                    break;
            }
        }
        return target;
    }
}
