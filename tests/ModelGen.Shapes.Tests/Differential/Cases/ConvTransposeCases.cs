using System;
using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

/// <summary>
/// torch.nn.ConvTranspose2d. Module and input are float64: libtorch then runs its reference kernel, which
/// reports an output size below 1 as an error, while the oneDNN kernel it picks for float32 aborts the
/// whole process on a negative output size.
/// </summary>
internal static class ConvTranspose2dCases
{
    public static DiffCase Next(DiffRandom r)
    {
        bool batched = r.Chance(0.75);
        long batch = r.Int(1, 3);
        long groups = r.Pick(1L, 1L, 2L, 3L);
        bool bias = r.Chance(0.5);
        long[] kernel = r.Sizes(2, 1, 4), stride = r.Sizes(2, 1, 3), padding = r.Sizes(2, 0, 2), dilation = r.Sizes(2, 1, 2);
        // One output_padding for both axes: TorchSharp 0.107's module applies the first value to both
        // (and the engine rejects different values, which the unit tests cover).
        long sharedPadding = r.Chance(0.5) ? 0 : r.Int(0, Enumerable.Range(0, 2).Min(i => Math.Max(stride[i], dilation[i])) - 1);
        long[] outputPadding = { sharedPadding, sharedPadding };
        long channels = groups * r.Int(1, (int)(8 / groups));
        long outChannels = groups * r.Int(1, (int)(8 / groups));
        // The smallest input size whose output is at least 1, and a few more.
        long[] spatial = Enumerable.Range(0, 2).Select(i =>
        {
            long deficit = (2 * padding[i]) - (dilation[i] * (kernel[i] - 1)) - outputPadding[i];
            long least = Math.Max(1, deficit <= 0 ? 1 : ((deficit + stride[i] - 1) / stride[i]) + 1);
            return r.Int(least, least + 5);
        }).ToArray();
        long? declared = r.Chance(0.3) ? channels : null;
        int rank = batched ? 4 : 3;
        string mode = "valid";
        if (r.Chance(0.4))
        {
            mode = r.Pick("output_padding", "small", "groups-in", "groups-out", "rank", "in_channels", "stride", "padding", "dilation", "kernel0", "output_padding-neg", "output_padding-unequal");
            int axis = r.Int(0, 1);
            switch (mode)
            {
                case "output_padding":
                    outputPadding[0] = outputPadding[1] = Math.Max(stride[axis], dilation[axis]) + r.Int(0, 1);
                    break;
                case "small":
                    // The output would be (1 - 1)*s - 2p + d(k - 1) + op + 1 < 1.
                    spatial[axis] = 1;
                    padding[axis] = ((dilation[axis] * (kernel[axis] - 1)) + outputPadding[axis]) / 2 + r.Int(1, 2);
                    break;
                case "groups-in":
                    groups = r.Pick(2L, 3L);
                    channels = r.IntExcept(1, 8, Enumerable.Range(1, 8).Where(v => v % groups == 0).Select(v => (long)v).ToArray());
                    outChannels = groups * r.Int(1, 2);
                    declared = null;
                    break;
                case "groups-out":
                    // More out_channels than groups, or torch's weight would be empty and its initialisation throw.
                    groups = r.Pick(2L, 3L);
                    channels = groups * r.Int(1, 2);
                    outChannels = (groups * r.Int(1, 2)) + r.Int(1, (int)groups - 1);
                    declared = null;
                    break;
                case "rank":
                    rank = r.Pick(2, 5);
                    break;
                case "in_channels":
                    declared = r.IntExcept(1, 9, channels);
                    break;
                case "stride":
                    stride[axis] = 0;
                    outputPadding[0] = outputPadding[1] = 0;
                    break;
                case "padding":
                    padding[axis] = -1;
                    break;
                case "dilation":
                    dilation[axis] = 0;
                    outputPadding[0] = outputPadding[1] = 0;
                    break;
                case "kernel0":
                    kernel[axis] = 0;
                    break;
                case "output_padding-neg":
                    outputPadding[0] = outputPadding[1] = -1;
                    break;
                case "output_padding-unequal":
                    outputPadding[1] = r.IntExcept(0, 2, outputPadding[0]);
                    break;
            }
        }

        var sizes = (batched ? new[] { batch, channels } : new[] { channels }).Concat(spatial).ToList();
        while (sizes.Count > rank)
        {
            sizes.RemoveAt(sizes.Count - 1);
        }
        while (sizes.Count < rank)
        {
            sizes.Add(r.Int(1, 4));
        }
        long[] input = sizes.ToArray();
        int channelAxis = input.Length == 4 ? 1 : 0;
        Dim? Declared(Shape s) =>
            declared is null ? null : declared == channels && s.Rank > channelAxis && input[channelAxis] == channels ? s[channelAxis] : Dim.Const(declared.Value);

        var c = new DiffCase
        {
            Description = $"ConvTranspose2d(in={declared ?? channels}, out={outChannels}, k=({string.Join(",", kernel)}), s=({string.Join(",", stride)}), p=({string.Join(",", padding)}), op=({string.Join(",", outputPadding)}), d=({string.Join(",", dilation)}), groups={groups}, bias={bias}) on {Sym.Text(input)} ({mode})",
            Inputs = new[] { input },
            CreateInput = (_, s) => torch.zeros(s, dtype: torch.float64),
            TorchQuirk = mode switch
            {
                // With a bias libtorch notices the bias has more elements than the output has channels.
                "groups-out" when !bias => "TorchSharp's ConvTranspose2d does not check that groups divides out_channels and builds fewer output channels",
                "output_padding-unequal" => "TorchSharp's ConvTranspose2d applies the first output_padding to both axes",
                _ => null,
            },
            Engine = s => ConvTranspose2dRule.Apply(s[0], new ConvTranspose2dOptions(outChannels, kernel[0], kernel[1])
            {
                StrideH = stride[0],
                StrideW = stride[1],
                PaddingH = padding[0],
                PaddingW = padding[1],
                OutputPaddingH = outputPadding[0],
                OutputPaddingW = outputPadding[1],
                DilationH = dilation[0],
                DilationW = dilation[1],
                Groups = groups,
                Bias = bias,
                InChannels = Declared(s[0]),
            }),
            Torch = t =>
            {
                using var m = torch.nn.ConvTranspose2d(
                    declared ?? channels,
                    outChannels,
                    (kernel[0], kernel[1]),
                    stride: (stride[0], stride[1]),
                    padding: (padding[0], padding[1]),
                    output_padding: (outputPadding[0], outputPadding[1]),
                    dilation: (dilation[0], dilation[1]),
                    groups: groups,
                    bias: bias,
                    dtype: torch.float64);
                return (m.forward(t[0]), Count(m));
            },
        };
        c.With("dim0", new[] { Sym.Batch(input) }, ("N", input[0]));
        c.With("all", new[] { Sym.All(input) }, Sym.AllBinding(input));

        // Every hyperparameter a symbol too. The engine requires output_padding < stride when it cannot
        // decide "< stride or < dilation" (stricter than torch), so only where the stride one holds.
        bool nonNegative = new[] { kernel, stride, padding, dilation, outputPadding }.All(a => a.All(v => v >= 0));
        bool strideBound = Enumerable.Range(0, 2).All(i => outputPadding[i] < stride[i] || stride[i] == 0);
        if (nonNegative && strideBound && outputPadding[0] == outputPadding[1])
        {
            var names = new[] { "kh", "kw", "sh", "sw", "ph", "pw", "op", "dh", "dw" };
            var values = new[] { kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], outputPadding[0], dilation[0], dilation[1] };
            Dim S(string name) => Dim.Sym(name);
            c.WithEngine(
                "hyper",
                s => ConvTranspose2dRule.Apply(s[0], new ConvTranspose2dOptions(outChannels, S("kh"), S("kw"))
                {
                    StrideH = S("sh"),
                    StrideW = S("sw"),
                    PaddingH = S("ph"),
                    PaddingW = S("pw"),
                    OutputPaddingH = S("op"),
                    OutputPaddingW = S("op"),
                    DilationH = S("dh"),
                    DilationW = S("dw"),
                    Groups = groups,
                    Bias = bias,
                    InChannels = Declared(s[0]),
                }),
                new[] { Sym.All(input) },
                Sym.AllBinding(input).Concat(names.Zip(values, (n, v) => (n, v))).ToArray());
        }
        return c;
    }
}
