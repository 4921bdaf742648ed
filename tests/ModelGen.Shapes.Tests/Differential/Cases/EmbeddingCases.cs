using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

/// <summary>torch.nn.Embedding on int64 index tensors (zeros: every index is in range whenever a row exists).</summary>
internal static class EmbeddingCases
{
    public static DiffCase Next(DiffRandom r)
    {
        int rank = r.Int(0, 3);
        long[] sizes = r.Sizes(rank, 1, 4);
        long rows = r.Int(1, 10);
        long features = r.Int(1, 6);
        long? padding = r.Chance(0.5) ? null : r.Int(-rows, rows - 1);
        string mode = "valid";
        if (r.Chance(0.3))
        {
            mode = r.Pick("padding_idx", "padding_idx", "num_embeddings");
            if (mode == "padding_idx")
            {
                padding = r.Chance(0.5) ? rows + r.Int(0, 2) : -rows - 1 - r.Int(0, 2);
            }
            else
            {
                // No row for index 0 (nor any other).
                rows = 0;
                padding = null;
            }
        }
        var c = new DiffCase
        {
            Description = $"Embedding({rows}, {features}, padding_idx={padding?.ToString() ?? "None"}) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            CreateInput = (_, s) => torch.zeros(s, dtype: torch.int64),
            Engine = s => EmbeddingRule.Apply(s[0], new EmbeddingOptions(rows, features) { PaddingIdx = padding }),
            Torch = t =>
            {
                using var m = torch.nn.Embedding(rows, features, padding_idx: padding);
                return (m.forward(t[0]), Count(m));
            },
        };
        if (rank > 0)
        {
            c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        }
        // The vocabulary and the width as model parameters: padding_idx becomes a requirement on V.
        c.WithEngine(
            "hyper",
            s => EmbeddingRule.Apply(s[0], new EmbeddingOptions(Dim.Sym("V"), Dim.Sym("E")) { PaddingIdx = padding }),
            new[] { Sym.All(sizes) },
            Sym.AllBinding(sizes).Append(("V", rows)).Append(("E", features)).ToArray());
        return c;
    }
}
