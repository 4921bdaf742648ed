using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.AdaptiveAvgPool2d</c>: the output size.</summary>
public sealed class AdaptiveAvgPool2dOptions
{
    /// <summary>A square output.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AdaptiveAvgPool2dOptions(Dim size)
        : this(size, size)
    {
    }

    /// <summary>An output of <paramref name="height"/> by <paramref name="width"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AdaptiveAvgPool2dOptions(Dim height, Dim width)
    {
        Height = height ?? throw new ArgumentNullException(nameof(height));
        Width = width ?? throw new ArgumentNullException(nameof(width));
    }

    /// <summary>Output height.</summary>
    public Dim Height { get; init; }

    /// <summary>Output width.</summary>
    public Dim Width { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.AdaptiveAvgPool2d</c>: [N, C, H, W] (or [C, H, W]) to
/// [N, C, height, width] for any non-empty H and W. No parameters. Output sizes must be at least 1
/// (torch would build an empty tensor for 0; the engine rejects that as a mistake).
/// </summary>
/// <remarks>
/// For a constant output of 1 x 1, libtorch takes a shortcut, <c>input.mean({-1, -2}, keepdim=true)</c>,
/// before any rank check, so every input with at least 2 dimensions is accepted and keeps its leading
/// dimensions; the rule follows it.
/// </remarks>
public static class AdaptiveAvgPool2dRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, AdaptiveAvgPool2dOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null || options.Height is null || options.Width is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        const string op = "AdaptiveAvgPool2d";
        return Guard.Layer(op, () =>
        {
            if (options.Height.ConstantValue == 1 && options.Width.ConstantValue == 1 && input.Rank >= 2)
            {
                var mean = new List<Dim>(input.Dims);
                mean[input.Rank - 2] = Dim.One;
                mean[input.Rank - 1] = Dim.One;
                return LayerResult.Ok(Shape.Of(mean), Dim.Zero);
            }
            if (input.Rank != 4 && input.Rank != 3)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op} expects a 4-d input [N, C, H, W] (or 3-d unbatched [C, H, W]) but got {input}",
                    "input"));
            }
            for (int i = input.Rank - 3; i < input.Rank; i++)
            {
                if (input[i].ConstantValue == 0)
                {
                    return LayerResult.Fail(new ShapeError(
                        ShapeErrorKind.InvalidDimension,
                        $"{op} expects non-empty channel and spatial dimensions but got {input}",
                        "input"));
                }
            }
            var constraints = new Constraints();
            var error = constraints.HyperparameterAtLeast(op, "output height", options.Height, 1, "Height")
                ?? constraints.HyperparameterAtLeast(op, "output width", options.Width, 1, "Width");
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            var output = new List<Dim>(input.Dims);
            output[input.Rank - 2] = options.Height;
            output[input.Rank - 1] = options.Width;
            return LayerResult.Ok(Shape.Of(output), Dim.Zero, null, constraints.Requirements);
        });
    }
}
