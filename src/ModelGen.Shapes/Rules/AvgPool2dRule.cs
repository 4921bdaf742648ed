using System;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.AvgPool2d</c> that affect the shape (count_include_pad does not).</summary>
public sealed class AvgPool2dOptions
{
    /// <summary>A square window.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AvgPool2dOptions(Dim kernel)
        : this(kernel, kernel)
    {
    }

    /// <summary>A window of height <paramref name="kernelH"/> and width <paramref name="kernelW"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AvgPool2dOptions(Dim kernelH, Dim kernelW)
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

    /// <summary>Implicit zero padding above and below (default 0); at most half the window height.</summary>
    public Dim PaddingH { get; init; } = Dim.Zero;

    /// <summary>Implicit zero padding left and right (default 0); at most half the window width.</summary>
    public Dim PaddingW { get; init; } = Dim.Zero;

    /// <summary>Round the output size up (default false); a last window must still start inside the input or left padding.</summary>
    public bool CeilMode { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.AvgPool2d</c>: as <see cref="MaxPool2dRule"/> with dilation 1.
/// No parameters.
/// </summary>
public static class AvgPool2dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, AvgPool2dOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        return PoolingShape.Apply(
            "AvgPool2d",
            input,
            new[]
            {
                new PoolingShape.Axis("height", options.KernelH, options.StrideH, options.PaddingH, Dim.One),
                new PoolingShape.Axis("width", options.KernelW, options.StrideW, options.PaddingW, Dim.One),
            },
            options.CeilMode);
    }
}
