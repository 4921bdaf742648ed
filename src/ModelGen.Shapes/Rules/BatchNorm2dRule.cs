using System;

namespace ModelGen.Shapes;

/// <summary>Options of <c>torch.nn.BatchNorm2d</c> that affect the shape or the parameter count.</summary>
public sealed class BatchNorm2dOptions
{
    /// <summary>Whether the layer learns a scale and a shift (default true): 2 * C parameters.</summary>
    public bool Affine { get; init; } = true;

    /// <summary>num_features when written explicitly; null (the default) takes it from the input.</summary>
    public Dim? NumFeatures { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.BatchNorm2d</c>: [N, C, H, W], unchanged. Infers
/// <c>num_features</c> = C; parameters 2 * C when affine.
/// </summary>
public static class BatchNorm2dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, BatchNorm2dOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        return BatchNormShape.Apply("BatchNorm2d", input, new[] { 4 }, "a 4-d input [N, C, H, W]", options.Affine, options.NumFeatures);
    }
}
