using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential.Cases;

internal static class CatCases
{
    /// <summary>
    /// torch.cat reached through TorchScript, so every configuration is decided by libtorch: TorchSharp's
    /// torch.cat returns a single tensor unchanged without looking at dim.
    /// </summary>
    private static readonly Lazy<torch.jit.CompilationUnit> Script = new(() => torch.jit.compile(
        "def cat1(a: Tensor, dim: int) -> Tensor:\n    return torch.cat([a], dim)\n" +
        "def cat2(a: Tensor, b: Tensor, dim: int) -> Tensor:\n    return torch.cat([a, b], dim)\n" +
        "def cat3(a: Tensor, b: Tensor, c: Tensor, dim: int) -> Tensor:\n    return torch.cat([a, b, c], dim)\n"));

    private static torch.Tensor RunCat(torch.Tensor[] tensors, long dim) =>
        Script.Value.invoke<torch.Tensor>("cat" + tensors.Length, tensors.Cast<object>().Append((int)dim).ToArray());

    public static DiffCase Next(DiffRandom r)
    {
        int count = r.Int(1, 3);
        int rank = r.Int(1, 4);
        long[] baseSizes = r.Sizes(rank, 1, 4);
        int axis = r.Int(0, rank - 1);
        long dim = r.Chance(0.3) ? axis - rank : axis;
        var tensors = Enumerable.Range(0, count).Select(_ =>
        {
            var sizes = baseSizes.ToArray();
            sizes[axis] = r.Int(1, 4);
            return sizes;
        }).ToList();
        string mode = "valid";
        if (r.Chance(0.4))
        {
            mode = r.Pick("mismatch", "rank", "dim", "scalar");
            switch (mode)
            {
                case "mismatch" when count >= 2 && rank >= 2:
                    int other = r.IntExcept(0, rank - 1, axis) is var o ? (int)o : 0;
                    tensors[1][other] = r.IntExcept(1, 5, tensors[0][other]);
                    break;
                case "rank" when count >= 2:
                    tensors[1] = tensors[1].Concat(new long[] { 2 }).ToArray();
                    break;
                case "dim":
                    dim = r.Pick((long)rank, -rank - 1L);
                    break;
                case "scalar":
                    tensors = tensors.Select(_ => new long[0]).ToList();
                    dim = 0;
                    break;
                default:
                    mode = "valid";
                    break;
            }
        }
        var c = new DiffCase
        {
            Description = $"cat({string.Join(", ", tensors.Select(Sym.Text))}, dim={dim}) ({mode})",
            Inputs = tensors.ToArray(),
            Engine = s => Cat.Apply(s, dim),
            Torch = t => (RunCat(t, dim), 0L),
        };
        // Shared positions are one symbol per position; the concatenated one is a symbol per tensor.
        if (tensors[0].Length > 0)
        {
            var binding = new List<(string, long)>();
            var shapes = tensors.Select((sizes, j) => Shape.Of(sizes.Select((v, i) =>
            {
                if (i == axis)
                {
                    binding.Add(($"c{j}", v));
                    return Dim.Sym($"c{j}");
                }
                if (i < tensors[0].Length && v == tensors[0][i])
                {
                    if (j == 0)
                    {
                        binding.Add(($"s{i}", v));
                    }
                    return Dim.Sym($"s{i}");
                }
                return (Dim)v;
            }).ToArray())).ToArray();
            c.With("all", shapes, binding.ToArray());
        }
        return c;
    }
}
