using System;
using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

internal static class PoolCases
{
    public static DiffCase NextMax(DiffRandom r) => Next(r, max: true);

    public static DiffCase NextAvg(DiffRandom r) => Next(r, max: false);

    private static DiffCase Next(DiffRandom r, bool max)
    {
        bool batched = r.Chance(0.75);
        long[] kernel = r.Sizes(2, 1, 4);
        long[]? stride = r.Chance(0.5) ? null : r.Sizes(2, 1, 3);
        long[] padding = kernel.Select(k => r.Int(0, k / 2)).ToArray();
        long[] dilation = max ? r.Sizes(2, 1, 2) : new long[] { 1, 1 };
        bool ceil = r.Chance(0.4);
        long[] spatial = Enumerable.Range(0, 2).Select(i => r.Int(Math.Max(1, dilation[i] * (kernel[i] - 1) + 1 - 2 * padding[i]), 12)).ToArray();
        int rank = batched ? 4 : 3;
        string mode = "valid";
        if (r.Chance(0.4))
        {
            mode = r.Pick("padding", "kernel", "rank", "stride", "kernel0", "negative-padding", max ? "dilation" : "padding");
            int axis = r.Int(0, 1);
            switch (mode)
            {
                case "padding":
                    kernel[axis] = r.Int(1, 4);
                    padding[axis] = kernel[axis] / 2 + r.Int(1, 2);
                    break;
                case "kernel":
                    padding[axis] = 0;
                    kernel[axis] = r.Int(2, 4);
                    spatial[axis] = r.Int(1, dilation[axis] * (kernel[axis] - 1));
                    break;
                case "rank":
                    rank = r.Pick(2, 5);
                    break;
                case "stride":
                    stride = new long[] { 1, 1 };
                    stride[axis] = 0;
                    break;
                case "kernel0":
                    kernel[axis] = 0;
                    padding[axis] = 0;
                    break;
                case "negative-padding":
                    padding[axis] = -1;
                    break;
                case "dilation":
                    dilation[axis] = 0;
                    break;
            }
        }
        var list = (batched ? new[] { r.Int(1L, 3L), r.Int(1L, 4L) } : new[] { r.Int(1L, 4L) }).Concat(spatial).ToList();
        while (list.Count > rank)
        {
            list.RemoveAt(0);
        }
        while (list.Count < rank)
        {
            list.Insert(0, r.Int(1L, 3L));
        }
        long[] sizes = list.ToArray();
        string op = max ? "MaxPool2d" : "AvgPool2d";
        string strideText = stride is null ? "default" : $"({stride[0]},{stride[1]})";
        var c = new DiffCase
        {
            Description = $"{op}(k=({kernel[0]},{kernel[1]}), s={strideText}, p=({padding[0]},{padding[1]}), d=({dilation[0]},{dilation[1]}), ceil={ceil}) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => max
                ? MaxPool2dRule.Apply(s[0], new MaxPool2dOptions(kernel[0], kernel[1])
                {
                    StrideH = stride is null ? null : stride[0],
                    StrideW = stride is null ? null : stride[1],
                    PaddingH = padding[0],
                    PaddingW = padding[1],
                    DilationH = dilation[0],
                    DilationW = dilation[1],
                    CeilMode = ceil,
                })
                : AvgPool2dRule.Apply(s[0], new AvgPool2dOptions(kernel[0], kernel[1])
                {
                    StrideH = stride is null ? null : stride[0],
                    StrideW = stride is null ? null : stride[1],
                    PaddingH = padding[0],
                    PaddingW = padding[1],
                    CeilMode = ceil,
                }),
            Torch = t =>
            {
                (long, long)? torchStride = stride is null ? null : (stride[0], stride[1]);
                if (max)
                {
                    using var m = torch.nn.MaxPool2d((kernel[0], kernel[1]), torchStride, (padding[0], padding[1]), (dilation[0], dilation[1]), ceil);
                    return (m.forward(t[0]), Count(m));
                }
                using var a = torch.nn.AvgPool2d((kernel[0], kernel[1]), torchStride, (padding[0], padding[1]), ceil);
                return (a.forward(t[0]), Count(a));
            },
        };
        c.With("dim0", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
        c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        return c;
    }
}

internal static class AdaptiveAvgPool2dCases
{
    public static DiffCase Next(DiffRandom r)
    {
        int rank = r.Chance(0.75) ? 4 : 3;
        string mode = "valid";
        if (r.Chance(0.3))
        {
            mode = "rank";
            rank = r.Pick(2, 5);
        }
        long[] sizes = r.Sizes(rank, 1, 12);
        long height = r.Int(1, 6), width = r.Int(1, 6);
        var c = new DiffCase
        {
            Description = $"AdaptiveAvgPool2d(({height},{width})) on {Sym.Text(sizes)} ({mode})",
            Inputs = new[] { sizes },
            Engine = s => AdaptiveAvgPool2dRule.Apply(s[0], new AdaptiveAvgPool2dOptions(height, width)),
            Torch = t =>
            {
                using var m = torch.nn.AdaptiveAvgPool2d((height, width));
                return (m.forward(t[0]), Count(m));
            },
        };
        c.With("dim0", new[] { Sym.Batch(sizes) }, ("N", sizes[0]));
        c.With("all", new[] { Sym.All(sizes) }, Sym.AllBinding(sizes));
        return c;
    }
}
