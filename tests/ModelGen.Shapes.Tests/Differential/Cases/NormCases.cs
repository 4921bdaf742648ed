using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

internal static class BatchNormCases
{
    public static DiffCase Next1d(DiffRandom r) => Next(r, new[] { 2, 3 }, new[] { 1, 4 }, "BatchNorm1d");

    public static DiffCase Next2d(DiffRandom r) => Next(r, new[] { 4 }, new[] { 3, 5 }, "BatchNorm2d");

    private static DiffCase Next(DiffRandom r, int[] ranks, int[] wrongRanks, string op)
    {
        int rank = r.Pick(ranks);
        bool affine = r.Chance(0.7);
        string mode = "valid";
        bool mismatch = false;
        if (r.Chance(0.35))
        {
            mode = r.Pick("rank", "num_features");
            if (mode == "rank")
            {
                rank = r.Pick(wrongRanks);
            }
            else
            {
                mismatch = true;
            }
        }
        long[] sizes = r.Sizes(rank, 1, 6);
        long channels = rank >= 2 ? sizes[1] : sizes[0];
        long? declared = mismatch ? r.IntExcept(1, 8, channels) : r.Chance(0.3) ? channels : null;
        long torchFeatures = declared ?? channels;
        var c = new DiffCase
        {
            Description = $"{op}({torchFeatures}, affine={affine}) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s =>
            {
                Dim? features = declared is null ? null : declared == channels && s[0].Rank >= 2 ? s[0][1] : Dim.Const(declared.Value);
                return op == "BatchNorm1d"
                    ? BatchNorm1dRule.Apply(s[0], new BatchNorm1dOptions { Affine = affine, NumFeatures = features })
                    : BatchNorm2dRule.Apply(s[0], new BatchNorm2dOptions { Affine = affine, NumFeatures = features });
            },
            Torch = t =>
            {
                // Eval mode: training on one value per channel is a mode-dependent error, not a shape rule.
                using torch.nn.Module<torch.Tensor, torch.Tensor> m = op == "BatchNorm1d"
                    ? torch.nn.BatchNorm1d(torchFeatures, affine: affine)
                    : torch.nn.BatchNorm2d(torchFeatures, affine: affine);
                m.eval();
                return (m.forward(t[0]), Count(m));
            },
        };
        c.With("dim0", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
        c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        return c;
    }
}

internal static class LayerNormCases
{
    public static DiffCase Next(DiffRandom r)
    {
        int rank = r.Int(1, 4);
        long[] sizes = r.Sizes(rank, 1, 5);
        int k = r.Int(1, rank > 3 ? 3 : rank);
        bool affine = r.Chance(0.7), bias = r.Chance(0.6);
        bool declare = r.Chance(0.3);
        string mode = "valid";
        long[] normalized = sizes.Skip(rank - k).ToArray();
        if (r.Chance(0.35))
        {
            mode = r.Pick("rank", "normalized_shape");
            if (mode == "rank")
            {
                k = rank + r.Int(1, 2);
                normalized = r.Sizes(k, 1, 5);
            }
            else
            {
                declare = true;
                int i = r.Int(0, k - 1);
                normalized[i] = r.IntExcept(1, 6, normalized[i]);
            }
        }
        var c = new DiffCase
        {
            Description = $"LayerNorm(k={k}, shape={Sym.Text(normalized)}, declared={declare}, affine={affine}, bias={bias}) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s =>
            {
                var options = new LayerNormOptions { NormalizedDims = k, ElementwiseAffine = affine, Bias = bias };
                if (declare)
                {
                    // Entries that match the input are written as its own (symbolic) dims.
                    var declared = new List<Dim>();
                    for (int i = 0; i < normalized.Length; i++)
                    {
                        int axis = s[0].Rank - normalized.Length + i;
                        declared.Add(axis >= 0 && sizes[axis] == normalized[i] ? s[0][axis] : normalized[i]);
                    }
                    return LayerNormRule.Apply(s[0], new LayerNormOptions { ElementwiseAffine = affine, Bias = bias, NormalizedShape = declared });
                }
                return LayerNormRule.Apply(s[0], options);
            },
            Torch = t =>
            {
                using var m = torch.nn.LayerNorm(normalized, elementwise_affine: affine, bias: bias);
                return (m.forward(t[0]), Count(m));
            },
        };
        c.With("dim0", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
        c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        return c;
    }
}
