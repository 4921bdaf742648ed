using System;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.MaxPool2d</c>.</summary>
public sealed class MaxPool2dOptions
{
    /// <summary>A square window.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MaxPool2dOptions(Dim kernel)
        : this(kernel, kernel)
    {
    }

    /// <summary>A window of height <paramref name="kernelH"/> and width <paramref name="kernelW"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MaxPool2dOptions(Dim kernelH, Dim kernelW)
    {
        KernelH = kernelH ?? throw new ArgumentNullException(nameof(kernelH));
        KernelW = kernelW ?? throw new ArgumentNullException(nameof(kernelW));
    }

    /// <summary>Window height.</summary>
    public Dim KernelH { get; init; }

    /// <summary>Window width.</summary>
    public Dim KernelW { get; init; }

    /// <summary>Vertical stride; null (the default) means the window height. Must be a constant.</summary>
    public Dim? StrideH { get; init; }

    /// <summary>Horizontal stride; null (the default) means the window width. Must be a constant.</summary>
    public Dim? StrideW { get; init; }

    /// <summary>Implicit padding above and below (default 0); at most half the window height.</summary>
    public Dim PaddingH { get; init; } = Dim.Zero;

    /// <summary>Implicit padding left and right (default 0); at most half the window width.</summary>
    public Dim PaddingW { get; init; } = Dim.Zero;

    /// <summary>Vertical dilation (default 1).</summary>
    public Dim DilationH { get; init; } = Dim.One;

    /// <summary>Horizontal dilation (default 1).</summary>
    public Dim DilationW { get; init; } = Dim.One;

    /// <summary>Round the output size up (default false); a last window must still start inside the input or left padding.</summary>
    public bool CeilMode { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.MaxPool2d</c>: [N, C, H, W] (or [C, H, W]) to [N, C, H', W'] with
/// <c>H' = floor((H + 2*padding - dilation*(kernel - 1) - 1 (+ stride - 1 with ceil_mode)) / stride) + 1</c>,
/// minus one in ceil mode when the last window would start past the input and left padding. Padding
/// must be at most half the kernel. No parameters.
/// </summary>
public static class MaxPool2dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, MaxPool2dOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        return PoolingShape.Apply(
            "MaxPool2d",
            input,
            new[]
            {
                new PoolingShape.Axis("height", options.KernelH, options.StrideH, options.PaddingH, options.DilationH),
                new PoolingShape.Axis("width", options.KernelW, options.StrideW, options.PaddingW, options.DilationW),
            },
            options.CeilMode);
    }
}
