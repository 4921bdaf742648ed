using System;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.ConvTranspose2d</c>; sizes are <see cref="Dim"/> so they may be model parameters.</summary>
public sealed class ConvTranspose2dOptions
{
    /// <summary>A square kernel.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ConvTranspose2dOptions(Dim outChannels, Dim kernel)
        : this(outChannels, kernel, kernel)
    {
    }

    /// <summary>A kernel of height <paramref name="kernelH"/> and width <paramref name="kernelW"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ConvTranspose2dOptions(Dim outChannels, Dim kernelH, Dim kernelW)
    {
        OutChannels = outChannels ?? throw new ArgumentNullException(nameof(outChannels));
        KernelH = kernelH ?? throw new ArgumentNullException(nameof(kernelH));
        KernelW = kernelW ?? throw new ArgumentNullException(nameof(kernelW));
    }

    /// <summary>out_channels.</summary>
    public Dim OutChannels { get; init; }

    /// <summary>Kernel height.</summary>
    public Dim KernelH { get; init; }

    /// <summary>Kernel width.</summary>
    public Dim KernelW { get; init; }

    /// <summary>Vertical stride (default 1). It multiplies the output size, so it may be symbolic.</summary>
    public Dim StrideH { get; init; } = Dim.One;

    /// <summary>Horizontal stride (default 1). It multiplies the output size, so it may be symbolic.</summary>
    public Dim StrideW { get; init; } = Dim.One;

    /// <summary>Implicit zero padding removed from the top and bottom of the output (default 0).</summary>
    public Dim PaddingH { get; init; } = Dim.Zero;

    /// <summary>Implicit zero padding removed from the left and right of the output (default 0).</summary>
    public Dim PaddingW { get; init; } = Dim.Zero;

    /// <summary>Extra rows added at the bottom of the output (default 0); must be smaller than StrideH or DilationH, and equal OutputPaddingW.</summary>
    public Dim OutputPaddingH { get; init; } = Dim.Zero;

    /// <summary>Extra columns added at the right of the output (default 0); must be smaller than StrideW or DilationW, and equal OutputPaddingH.</summary>
    public Dim OutputPaddingW { get; init; } = Dim.Zero;

    /// <summary>Vertical dilation (default 1).</summary>
    public Dim DilationH { get; init; } = Dim.One;

    /// <summary>Horizontal dilation (default 1).</summary>
    public Dim DilationW { get; init; } = Dim.One;

    /// <summary>Groups (default 1); must be a constant dividing in and out channels.</summary>
    public Dim Groups { get; init; } = Dim.One;

    /// <summary>Whether the layer has a bias (default true).</summary>
    public bool Bias { get; init; } = true;

    /// <summary>in_channels when written explicitly; null (the default) takes it from the input.</summary>
    public Dim? InChannels { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.ConvTranspose2d</c>: [N, C, H, W] (or unbatched [C, H, W]) to
/// [N, out_channels, H', W'] with
/// <c>H' = (H - 1)*stride - 2*padding + dilation*(kernel - 1) + output_padding + 1</c>, which must be at
/// least 1; output_padding must be smaller than the stride or the dilation (per axis). Infers
/// <c>in_channels</c> = C; parameters <c>C * (out / groups) * kH * kW (+ out)</c>.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's <c>ConvTranspose2d.forward</c> passes libtorch only the first output_padding value,
/// which libtorch then applies to both axes, so a module built with different values for height and
/// width does not produce PyTorch's shape. The rule therefore requires one value for both axes.
/// </remarks>
public static class ConvTranspose2dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, ConvTranspose2dOptions options)
    {
        if (options is null || options.OutputPaddingH is null || options.OutputPaddingW is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        const string op = "ConvTranspose2d";
        return Guard.Layer(op, () =>
        {
            // TorchSharp 0.107's module passes only output_padding[0] to libtorch, which applies it to both axes.
            var error = Constraints.Equal(
                options.OutputPaddingH,
                options.OutputPaddingW,
                $"{op}: output_padding ({options.OutputPaddingH}, {options.OutputPaddingW}) differs between height and width, but TorchSharp's ConvTranspose2d applies the first value to both axes; use one value",
                $"{op}: cannot prove output_padding ({options.OutputPaddingH}, {options.OutputPaddingW}) is one value for both axes, as TorchSharp's ConvTranspose2d applies the first value to both",
                "OutputPadding",
                ShapeErrorKind.InvalidHyperparameter);
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            return ConvolutionShape.Apply(
                op,
                input,
                "[N, C, H, W]",
                "[C, H, W]",
                options.OutChannels,
                new[]
                {
                    new ConvolutionShape.Axis("height", options.KernelH, options.StrideH, options.PaddingH, options.DilationH, options.OutputPaddingH),
                    new ConvolutionShape.Axis("width", options.KernelW, options.StrideW, options.PaddingW, options.DilationW, options.OutputPaddingW),
                },
                options.Groups,
                options.Bias,
                options.InChannels,
                transposed: true);
        });
    }
}
