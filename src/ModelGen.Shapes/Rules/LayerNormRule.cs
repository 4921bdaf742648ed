using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>Options of <c>torch.nn.LayerNorm</c>.</summary>
public sealed class LayerNormOptions
{
    /// <summary>How many trailing dimensions are normalised (default 1); they become normalized_shape.</summary>
    public int NormalizedDims { get; init; } = 1;

    /// <summary>Whether the layer learns an elementwise scale (and shift, see <see cref="Bias"/>) (default true).</summary>
    public bool ElementwiseAffine { get; init; } = true;

    /// <summary>Whether an elementwise-affine layer also learns a shift (default true).</summary>
    public bool Bias { get; init; } = true;

    /// <summary>
    /// normalized_shape when written explicitly; null (the default) takes the last
    /// <see cref="NormalizedDims"/> dimensions of the input. When set, its length replaces NormalizedDims.
    /// </summary>
    public IReadOnlyList<Dim>? NormalizedShape { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.LayerNorm</c>: any shape with at least k dimensions, unchanged, where
/// normalized_shape is its last k dimensions. Infers <c>normalized_shape_0</c> .. <c>normalized_shape_{k-1}</c>;
/// parameters <c>prod(normalized_shape)</c> for the weight, as many again for the bias.
/// </summary>
public static class LayerNormRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, LayerNormOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        const string op = "LayerNorm";
        return Guard.Layer(op, () =>
        {
            var declared = options.NormalizedShape;
            int k = declared?.Count ?? options.NormalizedDims;
            if (k < 1)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.InvalidHyperparameter,
                    $"{op}: at least one trailing dimension must be normalised but NormalizedDims is {k.ToString(CultureInfo.InvariantCulture)}",
                    declared is null ? "NormalizedDims" : "normalized_shape"));
            }
            if (input.Rank < k)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op} normalises the last {k.ToString(CultureInfo.InvariantCulture)} dimensions but the input {input} has only {input.Rank.ToString(CultureInfo.InvariantCulture)}",
                    "input"));
            }
            var inferred = new Dictionary<string, Dim>();
            Dim count = Dim.One;
            for (int i = 0; i < k; i++)
            {
                Dim size = input[input.Rank - k + i];
                if (declared is not null)
                {
                    var expected = declared[i] ?? throw new ArgumentNullException(nameof(options), "NormalizedShape has a null entry.");
                    var error = Constraints.Equal(
                        expected,
                        size,
                        $"{op}: normalized_shape ({string.Join(", ", declared)}) does not match the trailing dimensions of the input {input}",
                        $"{op}: cannot prove normalized_shape ({string.Join(", ", declared)}) equals the trailing dimensions of the input {input}",
                        "normalized_shape");
                    if (error is not null)
                    {
                        return LayerResult.Fail(error);
                    }
                }
                inferred["normalized_shape_" + i.ToString(CultureInfo.InvariantCulture)] = size;
                count *= size;
            }
            Dim parameters = !options.ElementwiseAffine ? Dim.Zero : options.Bias ? 2 * count : count;
            return LayerResult.Ok(input, parameters, inferred);
        });
    }
}
