using System;

namespace ModelGen.Shapes;

/// <summary>Options of <c>torch.nn.BatchNorm1d</c> that affect the shape or the parameter count.</summary>
public sealed class BatchNorm1dOptions
{
    /// <summary>Whether the layer learns a scale and a shift (default true): 2 * C parameters.</summary>
    public bool Affine { get; init; } = true;

    /// <summary>num_features when written explicitly; null (the default) takes it from the input.</summary>
    public Dim? NumFeatures { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.BatchNorm1d</c>: [N, C] or [N, C, L], unchanged. Infers
/// <c>num_features</c> = C; parameters 2 * C when affine. (Training on a single value per channel
/// is a run-time error in torch that depends on the mode, not on the shape rule.)
/// </summary>
public static class BatchNorm1dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, BatchNorm1dOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        return BatchNormShape.Apply("BatchNorm1d", input, new[] { 2, 3 }, "a 2-d input [N, C] or a 3-d input [N, C, L]", options.Affine, options.NumFeatures);
    }
}
