using System;

namespace ModelGen.Shapes;

/// <summary>Options of <c>torch.nn.Flatten</c>.</summary>
public sealed class FlattenOptions
{
    /// <summary>First dimension flattened (default 1, keeping the batch); negative counts from the end.</summary>
    public long StartDim { get; init; } = 1;

    /// <summary>Last dimension flattened (default -1); negative counts from the end.</summary>
    public long EndDim { get; init; } = -1;
}

/// <summary>
/// The shape rule for <c>torch.nn.Flatten</c>: as <see cref="Flatten"/> (<c>torch.flatten</c>) with
/// start_dim 1 and end_dim -1 by default, so [N, C, H, W] becomes [N, C * H * W]. No parameters.
/// </summary>
public static class FlattenRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, FlattenOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        return Layers.FromOp(Flatten.Apply(input, options.StartDim, options.EndDim, "Flatten", "StartDim", "EndDim"));
    }
}
