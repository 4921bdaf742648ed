using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>Options of <c>torch.nn.Unflatten</c>.</summary>
public sealed class UnflattenOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sizes"/> is null.</exception>
    public UnflattenOptions(long dim, IReadOnlyList<Dim> sizes)
    {
        Dim = dim;
        Sizes = sizes ?? throw new ArgumentNullException(nameof(sizes));
    }

    /// <summary>The dimension split, in [0, rank - 1] (TorchSharp's Unflatten takes no negative dim).</summary>
    public long Dim { get; init; }

    /// <summary>unflattened_size: the sizes it is split into; one may be <c>Dim.Const(-1)</c> (inferred).</summary>
    public IReadOnlyList<Dim> Sizes { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.Unflatten(dim, unflattened_size)</c> (<c>torch.unflatten</c>):
/// dimension dim is replaced by the sizes, whose product must equal it (one size may be -1).
/// No parameters.
/// </summary>
/// <remarks>
/// PyTorch also accepts a negative dim, but TorchSharp's <c>Tensor.unflatten</c> (which its Unflatten
/// module calls) throws for one, so the rule accepts only [0, rank - 1]: what the generated code runs.
/// </remarks>
public static class UnflattenRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, UnflattenOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null || options.Sizes is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        const string op = "Unflatten";
        return Guard.Layer(op, () =>
        {
            // A scalar has no dimension to split; a negative dim is refused by TorchSharp.
            if (options.Dim < 0 || options.Dim >= input.Rank)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.InvalidDimension,
                    $"{op}: dim {Text.Int(options.Dim)} is out of range for the {Text.Int(input.Rank)}-d shape {input} (TorchSharp's Unflatten expects a value in [0, {Text.Int(input.Rank - 1)}])",
                    "Dim"));
            }
            int dim = (int)options.Dim;
            if (options.Sizes.Count == 0)
            {
                return LayerResult.Fail(new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: unflattened_size must not be empty", "Sizes"));
            }
            foreach (var size in options.Sizes)
            {
                if (size is null)
                {
                    throw new ArgumentNullException(nameof(options), "Sizes has a null entry.");
                }
            }
            var constraints = new Constraints();
            var error = ElementCount.Resolve(op, input[dim], options.Sizes, "Sizes", constraints, out var resolved);
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            var output = new List<Dim>(input.Rank + resolved.Length - 1);
            for (int i = 0; i < input.Rank; i++)
            {
                if (i == dim)
                {
                    output.AddRange(resolved);
                }
                else
                {
                    output.Add(input[i]);
                }
            }
            return LayerResult.Ok(Shape.Of(output), ModelGen.Shapes.Dim.Zero, null, constraints.Requirements);
        });
    }
}
