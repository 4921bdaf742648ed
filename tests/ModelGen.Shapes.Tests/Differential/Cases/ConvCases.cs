using System;
using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

/// <summary>Hyperparameters of one convolution, valid or broken in one way.</summary>
internal sealed class ConvConfig
{
    public long Batch, Channels, Out, Groups = 1;
    public long[] Kernel = null!, Stride = null!, Padding = null!, Dilation = null!, Spatial = null!;
    public bool Batched, Bias;
    public long? Declared;
    public string Mode = "valid";
    public long[] Sizes = null!;

    public static ConvConfig Next(DiffRandom r, int spatialRank)
    {
        var c = new ConvConfig
        {
            Batched = r.Chance(0.75),
            Batch = r.Int(1, 3),
            Groups = r.Pick(1L, 1L, 2L, 3L),
            Bias = r.Chance(0.5),
            Kernel = r.Sizes(spatialRank, 1, 5),
            Stride = r.Sizes(spatialRank, 1, 3),
            Padding = r.Sizes(spatialRank, 0, 2),
            Dilation = r.Sizes(spatialRank, 1, 2),
        };
        c.Channels = c.Groups * r.Int(1, (int)(8 / c.Groups));
        c.Out = c.Groups * r.Int(1, (int)(8 / c.Groups));
        c.Spatial = Enumerable.Range(0, spatialRank)
            .Select(i => r.Int(Math.Max(1, c.Dilation[i] * (c.Kernel[i] - 1) + 1 - 2 * c.Padding[i]), 16))
            .ToArray();
        c.Declared = r.Chance(0.3) ? c.Channels : null;
        int rank = spatialRank + (c.Batched ? 2 : 1);

        if (r.Chance(0.4))
        {
            c.Mode = r.Pick("kernel", "groups-in", "groups-out", "rank", "in_channels", "stride", "padding", "dilation", "kernel0", "out0");
            int axis = r.Int(0, spatialRank - 1);
            switch (c.Mode)
            {
                case "kernel":
                    c.Padding[axis] = 0;
                    c.Kernel[axis] = r.Int(2, 5);
                    c.Spatial[axis] = r.Int(1, c.Dilation[axis] * (c.Kernel[axis] - 1));
                    break;
                case "groups-in":
                    c.Groups = r.Pick(2L, 3L);
                    c.Channels = r.IntExcept(1, 8, Enumerable.Range(1, 8).Where(v => v % c.Groups == 0).Select(v => (long)v).ToArray());
                    c.Out = c.Groups * r.Int(1, 2);
                    c.Declared = null;
                    break;
                case "groups-out":
                    c.Groups = r.Pick(2L, 3L);
                    c.Channels = c.Groups * r.Int(1, 2);
                    c.Out = r.IntExcept(1, 8, Enumerable.Range(1, 8).Where(v => v % c.Groups == 0).Select(v => (long)v).ToArray());
                    c.Declared = null;
                    break;
                case "rank":
                    rank = r.Pick(spatialRank, spatialRank + 3);
                    break;
                case "in_channels":
                    c.Declared = r.IntExcept(1, 9, c.Channels);
                    break;
                case "stride":
                    c.Stride[axis] = 0;
                    break;
                case "padding":
                    c.Padding[axis] = -1;
                    break;
                case "dilation":
                    c.Dilation[axis] = 0;
                    break;
                case "kernel0":
                    c.Kernel[axis] = 0;
                    break;
                case "out0":
                    c.Out = 0;
                    c.Groups = 1;
                    break;
            }
        }

        var sizes = (c.Batched ? new[] { c.Batch, c.Channels } : new[] { c.Channels }).Concat(c.Spatial).ToList();
        while (sizes.Count > rank)
        {
            sizes.RemoveAt(sizes.Count - 1);
        }
        while (sizes.Count < rank)
        {
            sizes.Add(r.Int(1, 4));
        }
        c.Sizes = sizes.ToArray();
        return c;
    }

    /// <summary>The declared in_channels for the engine: the input's own (symbolic) channel dim when it matches.</summary>
    public Dim? DeclaredFor(Shape input, int spatialRank)
    {
        if (Declared is null)
        {
            return null;
        }
        int channelAxis = Sizes.Length == spatialRank + 2 ? 1 : 0;
        return Declared == Channels && Sizes.Length > channelAxis && Sizes[channelAxis] == Channels ? input[channelAxis] : Declared.Value;
    }

    public string Describe(string op) =>
        $"{op}(in={Declared ?? Channels}, out={Out}, k=({string.Join(",", Kernel)}), s=({string.Join(",", Stride)}), p=({string.Join(",", Padding)}), d=({string.Join(",", Dilation)}), groups={Groups}, bias={Bias}) on {Sym.Text(Sizes)} ({Mode})";

    public DiffCase WithVariants(DiffCase c)
    {
        c.With("dim0", new[] { Sym.Batch(Sizes) }, ("N", Sizes[0]));
        c.With("all", new[] { Sym.All(Sizes) }, Sym.AllBinding(Sizes));
        return c;
    }
}

internal static class Conv2dCases
{
    public static DiffCase Next(DiffRandom r)
    {
        var c = ConvConfig.Next(r, 2);
        return c.WithVariants(new DiffCase
        {
            Description = c.Describe("Conv2d"),
            Inputs = new[] { c.Sizes },
            Engine = s => Conv2dRule.Apply(s[0], new Conv2dOptions(c.Out, c.Kernel[0], c.Kernel[1])
            {
                StrideH = c.Stride[0],
                StrideW = c.Stride[1],
                PaddingH = c.Padding[0],
                PaddingW = c.Padding[1],
                DilationH = c.Dilation[0],
                DilationW = c.Dilation[1],
                Groups = c.Groups,
                Bias = c.Bias,
                InChannels = c.DeclaredFor(s[0], 2),
            }),
            Torch = t =>
            {
                using var m = torch.nn.Conv2d(c.Declared ?? c.Channels, c.Out, (c.Kernel[0], c.Kernel[1]), stride: (c.Stride[0], c.Stride[1]), padding: (c.Padding[0], c.Padding[1]), dilation: (c.Dilation[0], c.Dilation[1]), groups: c.Groups, bias: c.Bias);
                return (m.forward(t[0]), Count(m));
            },
        });
    }
}

internal static class Conv1dCases
{
    public static DiffCase Next(DiffRandom r)
    {
        var c = ConvConfig.Next(r, 1);
        return c.WithVariants(new DiffCase
        {
            Description = c.Describe("Conv1d"),
            Inputs = new[] { c.Sizes },
            Engine = s => Conv1dRule.Apply(s[0], new Conv1dOptions(c.Out, c.Kernel[0])
            {
                Stride = c.Stride[0],
                Padding = c.Padding[0],
                Dilation = c.Dilation[0],
                Groups = c.Groups,
                Bias = c.Bias,
                InChannels = c.DeclaredFor(s[0], 1),
            }),
            Torch = t =>
            {
                using var m = torch.nn.Conv1d(c.Declared ?? c.Channels, c.Out, c.Kernel[0], stride: c.Stride[0], padding: c.Padding[0], dilation: c.Dilation[0], groups: c.Groups, bias: c.Bias);
                return (m.forward(t[0]), Count(m));
            },
        });
    }
}
