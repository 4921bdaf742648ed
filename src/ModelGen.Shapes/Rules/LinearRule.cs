using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.Linear</c>.</summary>
public sealed class LinearOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="outFeatures"/> is null.</exception>
    public LinearOptions(Dim outFeatures) =>
        OutFeatures = outFeatures ?? throw new ArgumentNullException(nameof(outFeatures));

    /// <summary>out_features.</summary>
    public Dim OutFeatures { get; init; }

    /// <summary>Whether the layer has a bias (default true).</summary>
    public bool Bias { get; init; } = true;

    /// <summary>in_features when written explicitly; null (the default) takes it from the input.</summary>
    public Dim? InFeatures { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.Linear</c>: [*, in_features] to [*, out_features] for any rank &gt;= 1.
/// Infers <c>in_features</c> from the last dimension; parameters <c>out * in (+ out)</c>.
/// </summary>
public static class LinearRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, LinearOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null || options.OutFeatures is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        const string op = "Linear";
        return Guard.Layer(op, () =>
        {
            if (input.Rank == 0)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op} expects an input with at least 1 dimension [..., in_features] but got the scalar shape {input}",
                    "input"));
            }
            var constraints = new Constraints();
            var error = constraints.HyperparameterAtLeast(op, "out_features", options.OutFeatures, 1, "OutFeatures");
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            Dim inFeatures = input[input.Rank - 1];
            if (options.InFeatures is not null)
            {
                error = Constraints.Equal(
                    options.InFeatures,
                    inFeatures,
                    $"{op}: in_features is {options.InFeatures} but the input {input} has {inFeatures} features in its last dimension",
                    $"{op}: cannot prove in_features {options.InFeatures} equals the last dimension {inFeatures} of the input {input}",
                    "in_features");
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }
            }
            var output = new List<Dim>(input.Dims);
            output[output.Count - 1] = options.OutFeatures;
            Dim parameters = options.OutFeatures * inFeatures;
            if (options.Bias)
            {
                parameters += options.OutFeatures;
            }
            var inferred = new Dictionary<string, Dim> { ["in_features"] = inFeatures };
            return LayerResult.Ok(Shape.Of(output), parameters, inferred, constraints.Requirements);
        });
    }
}
