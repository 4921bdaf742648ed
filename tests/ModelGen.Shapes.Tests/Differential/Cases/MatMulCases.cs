using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential.Cases;

internal static class MatMulCases
{
    /// <summary>
    /// torch.matmul reached through TorchScript: TorchSharp's direct binding (THSTensor_matmul) does
    /// not catch libtorch's shape errors, which abort the process; the TorchScript interpreter runs the
    /// same aten::matmul and turns its errors into exceptions.
    /// </summary>
    private static readonly Lazy<torch.jit.CompilationUnit> Script = new(() =>
        torch.jit.compile("def matmul(a: Tensor, b: Tensor) -> Tensor:\n    return torch.matmul(a, b)\n"));

    public static DiffCase Next(DiffRandom r)
    {
        int aRank = r.Int(1, 4), bRank = r.Int(1, 4);
        long k = r.Int(1, 5), n = r.Int(1, 4), p = r.Int(1, 4);
        int batchRank = System.Math.Max(System.Math.Max(aRank - 2, bRank - 2), 0);
        long[] batch = r.Sizes(batchRank, 1, 3);
        long[] aBatch = batch.Skip(batchRank - System.Math.Max(aRank - 2, 0)).Select(v => r.Chance(0.3) ? 1 : v).ToArray();
        long[] bBatch = batch.Skip(batchRank - System.Math.Max(bRank - 2, 0)).Select(v => r.Chance(0.3) ? 1 : v).ToArray();
        long bK = k;
        string mode = "valid";
        if (r.Chance(0.35))
        {
            mode = r.Pick("inner", "batch");
            int common = System.Math.Min(aBatch.Length, bBatch.Length);
            if (mode == "batch" && common > 0)
            {
                int fromEnd = r.Int(1, common);
                aBatch[aBatch.Length - fromEnd] = r.Int(2, 3);
                bBatch[bBatch.Length - fromEnd] = aBatch[aBatch.Length - fromEnd] == 2 ? 3 : 2;
            }
            else
            {
                mode = "inner";
                bK = r.IntExcept(1, 6, k);
            }
        }
        long[] a = aRank == 1 ? new[] { k } : aBatch.Concat(new[] { n, k }).ToArray();
        long[] b = bRank == 1 ? new[] { bK } : bBatch.Concat(new[] { bK, p }).ToArray();
        var c = new DiffCase
        {
            Description = $"matmul({Sym.Text(a)}, {Sym.Text(b)}) ({mode})",
            Inputs = new[] { a, b },
            Engine = s => MatMul.Apply(s[0], s[1]),
            Torch = t => (Script.Value.invoke<torch.Tensor>("matmul", t[0], t[1]), 0L),
        };
        // Rows M, columns P and (when equal) the contracted K are symbols; batch sizes stay concrete.
        var aDims = a.Select(v => (Dim)v).ToArray();
        var bDims = b.Select(v => (Dim)v).ToArray();
        var binding = new List<(string, long)>();
        if (bK == k)
        {
            aDims[^1] = Dim.Sym("K");
            bDims[bRank == 1 ? 0 : bDims.Length - 2] = Dim.Sym("K");
            binding.Add(("K", k));
        }
        if (aRank >= 2)
        {
            aDims[^2] = Dim.Sym("M");
            binding.Add(("M", n));
        }
        if (bRank >= 2)
        {
            bDims[^1] = Dim.Sym("P");
            binding.Add(("P", p));
        }
        c.With("symbolic", new[] { Shape.Of(aDims), Shape.Of(bDims) }, binding.ToArray());
        return c;
    }
}
