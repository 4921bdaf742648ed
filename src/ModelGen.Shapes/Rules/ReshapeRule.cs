using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>Options of the per-sample reshape layer.</summary>
public sealed class ReshapeOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="shape"/> is null.</exception>
    public ReshapeOptions(IReadOnlyList<Dim> shape) => Shape = shape ?? throw new ArgumentNullException(nameof(shape));

    /// <summary>The per-sample target shape (without the batch dimension); one size may be <c>Dim.Const(-1)</c>.</summary>
    public IReadOnlyList<Dim> Shape { get; init; }
}

/// <summary>
/// The shape rule for the per-sample reshape layer (Keras' Reshape): dimension 0 is kept and the rest
/// is reshaped to the target, so [N, 784] with (1, 28, 28) becomes [N, 1, 28, 28]. The element counts
/// per sample must be provably equal (or, with a -1, the target's known sizes must divide the count
/// exactly). It equals <c>x.reshape(x.shape[0], ...shape)</c>; for a 2-d input it also equals
/// <c>torch.nn.Unflatten(1, shape)</c>. No parameters.
/// </summary>
public static class ReshapeRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, ReshapeOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null || options.Shape is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        foreach (var size in options.Shape)
        {
            if (size is null)
            {
                throw new ArgumentNullException(nameof(options), "Shape has a null entry.");
            }
        }
        const string op = "Reshape";
        return Guard.Layer(op, () =>
        {
            if (input.Rank == 0)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op} keeps the batch dimension, so it needs an input with at least 1 dimension but got {input}",
                    "input"));
            }
            Dim perSample = Dim.One;
            for (int i = 1; i < input.Rank; i++)
            {
                perSample *= input[i];
            }
            var constraints = new Constraints();
            var error = ElementCount.Resolve(op, perSample, options.Shape, "Shape", constraints, out var resolved);
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            var output = new List<Dim>(resolved.Length + 1) { input[0] };
            output.AddRange(resolved);
            return LayerResult.Ok(Shape.Of(output), Dim.Zero, null, constraints.Requirements);
        });
    }
}
