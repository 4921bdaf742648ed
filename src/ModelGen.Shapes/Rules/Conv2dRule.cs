using System;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.Conv2d</c>; sizes are <see cref="Dim"/> so they may be model parameters.</summary>
public sealed class Conv2dOptions
{
    /// <summary>A square kernel.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Conv2dOptions(Dim outChannels, Dim kernel)
        : this(outChannels, kernel, kernel)
    {
    }

    /// <summary>A kernel of height <paramref name="kernelH"/> and width <paramref name="kernelW"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Conv2dOptions(Dim outChannels, Dim kernelH, Dim kernelW)
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

    /// <summary>Vertical stride (default 1); must be a constant.</summary>
    public Dim StrideH { get; init; } = Dim.One;

    /// <summary>Horizontal stride (default 1); must be a constant.</summary>
    public Dim StrideW { get; init; } = Dim.One;

    /// <summary>Zero rows added above and below (default 0).</summary>
    public Dim PaddingH { get; init; } = Dim.Zero;

    /// <summary>Zero columns added left and right (default 0).</summary>
    public Dim PaddingW { get; init; } = Dim.Zero;

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
/// The shape rule for <c>torch.nn.Conv2d</c>: [N, C, H, W] (or unbatched [C, H, W]) to
/// [N, out_channels, H', W'] with <c>H' = floor((H + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1</c>.
/// Infers <c>in_channels</c> = C; parameters <c>out * (C / groups) * kH * kW (+ out)</c>.
/// </summary>
public static class Conv2dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, Conv2dOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        return ConvolutionShape.Apply(
            "Conv2d",
            input,
            "[N, C, H, W]",
            "[C, H, W]",
            options.OutChannels,
            new[]
            {
                new ConvolutionShape.Axis("height", options.KernelH, options.StrideH, options.PaddingH, options.DilationH),
                new ConvolutionShape.Axis("width", options.KernelW, options.StrideW, options.PaddingW, options.DilationW),
            },
            options.Groups,
            options.Bias,
            options.InChannels);
    }
}
