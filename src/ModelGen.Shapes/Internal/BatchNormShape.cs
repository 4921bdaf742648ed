using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>The rule BatchNorm1d and BatchNorm2d share: the shape passes through; C is dimension 1.</summary>
internal static class BatchNormShape
{
    public static LayerResult Apply(string op, Shape input, int[] ranks, string layouts, bool affine, Dim? declaredFeatures)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        return Guard.Layer(op, () =>
        {
            if (Array.IndexOf(ranks, input.Rank) < 0)
            {
                return LayerResult.Fail(new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op} expects {layouts} but got {input}",
                    "input"));
            }
            Dim features = input[1];
            if (declaredFeatures is not null)
            {
                var error = Constraints.Equal(
                    declaredFeatures,
                    features,
                    $"{op}: num_features is {declaredFeatures} but the input {input} has {features} channels",
                    $"{op}: cannot prove num_features {declaredFeatures} equals the input's {features} channels in {input}",
                    "num_features");
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }
            }
            // Weight and bias are parameters; running_mean, running_var and num_batches_tracked are buffers.
            Dim parameters = affine ? 2 * features : Dim.Zero;
            var inferred = new Dictionary<string, Dim> { ["num_features"] = features };
            return LayerResult.Ok(input, parameters, inferred);
        });
    }
}
