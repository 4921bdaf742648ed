using System;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.Conv1d</c>; sizes are <see cref="Dim"/> so they may be model parameters.</summary>
public sealed class Conv1dOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Conv1dOptions(Dim outChannels, Dim kernel)
    {
        OutChannels = outChannels ?? throw new ArgumentNullException(nameof(outChannels));
        Kernel = kernel ?? throw new ArgumentNullException(nameof(kernel));
    }

    /// <summary>out_channels.</summary>
    public Dim OutChannels { get; init; }

    /// <summary>Kernel size.</summary>
    public Dim Kernel { get; init; }

    /// <summary>Stride (default 1); must be a constant.</summary>
    public Dim Stride { get; init; } = Dim.One;

    /// <summary>Zeros added at both ends (default 0).</summary>
    public Dim Padding { get; init; } = Dim.Zero;

    /// <summary>Dilation (default 1).</summary>
    public Dim Dilation { get; init; } = Dim.One;

    /// <summary>Groups (default 1); must be a constant dividing in and out channels.</summary>
    public Dim Groups { get; init; } = Dim.One;

    /// <summary>Whether the layer has a bias (default true).</summary>
    public bool Bias { get; init; } = true;

    /// <summary>in_channels when written explicitly; null (the default) takes it from the input.</summary>
    public Dim? InChannels { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.Conv1d</c>: [N, C, L] (or unbatched [C, L]) to [N, out_channels, L'] with
/// <c>L' = floor((L + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1</c>.
/// Infers <c>in_channels</c> = C; parameters <c>out * (C / groups) * kernel (+ out)</c>.
/// </summary>
public static class Conv1dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, Conv1dOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        return ConvolutionShape.Apply(
            "Conv1d",
            input,
            "[N, C, L]",
            "[C, L]",
            options.OutChannels,
            new[] { new ConvolutionShape.Axis("length", options.Kernel, options.Stride, options.Padding, options.Dilation) },
            options.Groups,
            options.Bias,
            options.InChannels);
    }
}
