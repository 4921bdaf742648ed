using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>Hyperparameters of <c>torch.nn.Embedding</c>; sizes are <see cref="Dim"/> so they may be model parameters.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public EmbeddingOptions(Dim numEmbeddings, Dim embeddingDim)
    {
        NumEmbeddings = numEmbeddings ?? throw new ArgumentNullException(nameof(numEmbeddings));
        EmbeddingDim = embeddingDim ?? throw new ArgumentNullException(nameof(embeddingDim));
    }

    /// <summary>num_embeddings: the number of rows (the vocabulary size).</summary>
    public Dim NumEmbeddings { get; init; }

    /// <summary>embedding_dim: the size of each row, appended to the input's shape.</summary>
    public Dim EmbeddingDim { get; init; }

    /// <summary>padding_idx, or null (the default) for none; must be in [-num_embeddings, num_embeddings - 1], negative counting from the end.</summary>
    public long? PaddingIdx { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.Embedding</c>: integer indices of any shape [*] (a scalar too) to
/// [*, embedding_dim]. padding_idx must be within [-num_embeddings, num_embeddings - 1]; whether the
/// index values are below num_embeddings is a run-time matter, not a shape rule. Parameters
/// <c>num_embeddings * embedding_dim</c>.
/// </summary>
public static class EmbeddingRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument or option is null.</exception>
    public static LayerResult Apply(Shape input, EmbeddingOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null || options.NumEmbeddings is null || options.EmbeddingDim is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        const string op = "Embedding";
        return Guard.Layer(op, () =>
        {
            var constraints = new Constraints();
            Dim rows = options.NumEmbeddings;
            var error = constraints.HyperparameterAtLeast(op, "num_embeddings", rows, 1, "NumEmbeddings")
                ?? constraints.HyperparameterAtLeast(op, "embedding_dim", options.EmbeddingDim, 1, "EmbeddingDim");
            if (error is not null)
            {
                return LayerResult.Fail(error);
            }
            if (options.PaddingIdx is long padding)
            {
                // padding_idx < num_embeddings, or -padding_idx <= num_embeddings when negative.
                Dim needed = padding >= 0 ? Dim.Const(padding) + 1 : -Dim.Const(padding);
                string bound = padding >= 0 ? $"must be less than num_embeddings {rows}" : $"must not be below -num_embeddings = {-rows}";
                error = constraints.AtLeast(
                    rows,
                    needed,
                    $"{op}: padding_idx {Text.Int(padding)} {bound}",
                    () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: padding_idx {Text.Int(padding)} {bound}", "PaddingIdx"));
                if (error is not null)
                {
                    return LayerResult.Fail(error);
                }
            }
            var output = new List<Dim>(input.Dims) { options.EmbeddingDim };
            return LayerResult.Ok(Shape.Of(output), rows * options.EmbeddingDim, null, constraints.Requirements);
        });
    }
}
