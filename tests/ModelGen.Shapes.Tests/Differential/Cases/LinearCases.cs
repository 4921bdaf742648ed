using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

internal static class LinearCases
{
    public static DiffCase Next(DiffRandom r)
    {
        int rank = r.Int(1, 4);
        long[] sizes = r.Sizes(rank, 1, 4);
        sizes[rank - 1] = r.Int(1, 8);
        long inFeatures = sizes[rank - 1];
        long outFeatures = r.Int(1, 8);
        bool bias = r.Chance(0.5);
        long? declared = r.Chance(0.3) ? inFeatures : null;
        string mode = "valid";
        if (r.Chance(0.3))
        {
            mode = r.Pick("in_features", "scalar");
            if (mode == "in_features")
            {
                declared = r.IntExcept(1, 9, inFeatures);
            }
            else
            {
                sizes = new long[0];
            }
        }
        long torchIn = declared ?? inFeatures;
        var c = new DiffCase
        {
            Description = $"Linear({torchIn}, {outFeatures}, bias={bias}) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => LinearRule.Apply(s[0], new LinearOptions(outFeatures)
            {
                Bias = bias,
                // A declared size that matches is written as the same symbol, as a model would.
                InFeatures = declared is null ? null : declared == inFeatures && s[0].Rank == rank ? s[0][rank - 1] : Dim.Const(declared.Value),
            }),
            Torch = t =>
            {
                using var m = torch.nn.Linear(torchIn, outFeatures, hasBias: bias);
                return (m.forward(t[0]), Count(m));
            },
        };
        if (sizes.Length > 0)
        {
            c.With("batch", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        return c;
    }
}
