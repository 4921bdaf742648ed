using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// Hyperparameters of <c>torch.nn.MultiheadAttention</c> that affect shapes; sizes are <see cref="Dim"/>
/// so they may be model parameters. TorchSharp 0.107's forward always averages the attention weights
/// over the heads, so there is no <c>average_attn_weights</c> option.
/// </summary>
public sealed class MultiheadAttentionOptions
{
    /// <summary>Creates the options.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MultiheadAttentionOptions(Dim embedDim, Dim numHeads)
    {
        EmbedDim = embedDim ?? throw new ArgumentNullException(nameof(embedDim));
        NumHeads = numHeads ?? throw new ArgumentNullException(nameof(numHeads));
    }

    /// <summary>embed_dim, E: the query's features and the output's.</summary>
    public Dim EmbedDim { get; init; }

    /// <summary>num_heads; must be a constant dividing embed_dim.</summary>
    public Dim NumHeads { get; init; }

    /// <summary>Whether the input and output projections have biases (default true).</summary>
    public bool Bias { get; init; } = true;

    /// <summary>add_bias_kv: learned biases bias_k and bias_v appended to the key and value sequences (default false).</summary>
    public bool AddBiasKV { get; init; }

    /// <summary>add_zero_attn: a zero step appended to the key and value sequences (default false).</summary>
    public bool AddZeroAttn { get; init; }

    /// <summary>kdim when written explicitly; null (the default) takes the key's last dimension.</summary>
    public Dim? KDim { get; init; }

    /// <summary>vdim when written explicitly; null (the default) takes the value's last dimension.</summary>
    public Dim? VDim { get; init; }

    /// <summary>batch_first: query, key, value and output are [N, L, *] instead of [L, N, *] (default false); the weights are not affected.</summary>
    public bool BatchFirst { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.MultiheadAttention</c>. Query [L, N, E] (batch_first [N, L, E], unbatched
/// [L, E]) with E = embed_dim, key and value [S, N, kdim] (batch_first [N, S, kdim], unbatched [S, kdim]) of
/// one shape; an optional key_padding_mask [N, S] (unbatched [S]) and attn_mask [L, S]. Outputs
/// <c>attn_output</c> shaped as the query and <c>attn_output_weights</c> [N, L, S'] (unbatched [L, S']),
/// averaged over the heads, with S' = S (+1 for add_bias_kv) (+1 for add_zero_attn). Infers <c>kdim</c>
/// and <c>vdim</c>; parameters <c>E*E + E*kdim + E*vdim</c> for the input projections (one in_proj_weight
/// [3E, E] when kdim = vdim = E), <c>E*E</c> for out_proj, with biases <c>3E + E</c>, and <c>2E</c> for
/// bias_k and bias_v.
/// </summary>
/// <remarks>
/// Where PyTorch's Python module and libtorch's C++ one (which TorchSharp 0.107 calls) differ, the rule
/// accepts only what both run: the key and value must have one shape (C++ asserts it, so kdim = vdim at
/// run time), and attn_mask must be 2-d (C++ adds it after unsqueeze(0), which fails for PyTorch's 3-d
/// [N*num_heads, L, S] form). TorchSharp's module has neither batch_first nor unbatched inputs: those
/// layouts are what PyTorch's Python module does around the same function (transposing dimensions 0
/// and 1, or unsqueezing dimension 1 and squeezing it off the outputs), and code that runs them through
/// TorchSharp must do the same.
/// </remarks>
public static class MultiheadAttentionRule
{
    /// <summary>Applies the rule; the masks are checked when given.</summary>
    /// <exception cref="ArgumentNullException">A shape, the options or an option is null.</exception>
    public static MultiheadAttentionResult Apply(Shape query, Shape key, Shape value, MultiheadAttentionOptions options, Shape? keyPaddingMask = null, Shape? attnMask = null)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }
        if (options is null || options.EmbedDim is null || options.NumHeads is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        const string op = "MultiheadAttention";
        try
        {
            return Check(op, query, key, value, options, keyPaddingMask, attnMask);
        }
        catch (OverflowException)
        {
            return MultiheadAttentionResult.Fail(new ShapeError(ShapeErrorKind.CannotInfer, $"{op}: a size or parameter count does not fit in a 64-bit integer", "input"));
        }
    }

    private static MultiheadAttentionResult Check(string op, Shape query, Shape key, Shape value, MultiheadAttentionOptions options, Shape? keyPaddingMask, Shape? attnMask)
    {
        var constraints = new Constraints();
        Dim embed = options.EmbedDim;
        long heads = 0;
        var error = constraints.HyperparameterAtLeast(op, "embed_dim", embed, 1, "EmbedDim")
            ?? Constraints.Constant(op, "num_heads", options.NumHeads, "NumHeads", out heads)
            ?? constraints.HyperparameterAtLeast(op, "num_heads", options.NumHeads, 1, "NumHeads");
        if (error is not null)
        {
            return MultiheadAttentionResult.Fail(error);
        }
        error = constraints.DivisibleBy(
            embed,
            heads,
            $"{op}: num_heads {Text.Int(heads)} must divide embed_dim {embed}",
            () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: embed_dim {embed} is not divisible by num_heads {Text.Int(heads)}", "NumHeads"));
        if (error is not null)
        {
            return MultiheadAttentionResult.Fail(error);
        }

        bool batched = query.Rank == 3;
        string queryLayout = options.BatchFirst ? "[N, L, E]" : "[L, N, E]";
        if (!batched && query.Rank != 2)
        {
            return MultiheadAttentionResult.Fail(new ShapeError(
                ShapeErrorKind.RankMismatch,
                $"{op} expects a 3-d query {queryLayout} (or 2-d unbatched [L, E]) but got {query}",
                "query"));
        }
        string kind = batched ? "batched 3-d" : "unbatched 2-d";
        if (key.Rank != query.Rank)
        {
            return MultiheadAttentionResult.Fail(new ShapeError(
                ShapeErrorKind.RankMismatch,
                $"{op}: for a {kind} query {query} the key must be {Text.Int(query.Rank)}-d too but is {key}",
                "key"));
        }
        if (value.Rank != query.Rank)
        {
            return MultiheadAttentionResult.Fail(new ShapeError(
                ShapeErrorKind.RankMismatch,
                $"{op}: for a {kind} query {query} the value must be {Text.Int(query.Rank)}-d too but is {value}",
                "value"));
        }

        int seqAxis = batched && options.BatchFirst ? 1 : 0;
        int batchAxis = options.BatchFirst ? 0 : 1;
        int last = query.Rank - 1;
        Dim targetLength = query[seqAxis];
        Dim sourceLength = key[seqAxis];

        error = Constraints.Equal(
            query[last],
            embed,
            $"{op}: the query {query} has {query[last]} features but embed_dim is {embed}",
            $"{op}: cannot prove the query's {query[last]} features in {query} equal embed_dim {embed}",
            "EmbedDim");
        if (error is not null)
        {
            return MultiheadAttentionResult.Fail(error);
        }
        if (batched)
        {
            error = Constraints.Equal(
                key[batchAxis],
                query[batchAxis],
                $"{op}: the key {key} has batch size {key[batchAxis]} but the query {query} has {query[batchAxis]}",
                $"{op}: cannot prove the key's batch size {key[batchAxis]} in {key} equals the query's {query[batchAxis]} in {query}",
                "key");
            if (error is not null)
            {
                return MultiheadAttentionResult.Fail(error);
            }
        }
        for (int i = 0; i < key.Rank; i++)
        {
            error = Constraints.Equal(
                value[i],
                key[i],
                $"{op}: the value {value} must have the shape of the key {key} (dimension {Text.Int(i)}: {value[i]} vs {key[i]}); libtorch's MultiheadAttention, which TorchSharp calls, requires one shape",
                $"{op}: cannot prove the value {value} has the shape of the key {key} (dimension {Text.Int(i)}: {value[i]} vs {key[i]})",
                "value");
            if (error is not null)
            {
                return MultiheadAttentionResult.Fail(error);
            }
        }

        Dim kdim = key[last];
        Dim vdim = value[last];
        error = Declared(op, "kdim", options.KDim, kdim, key) ?? Declared(op, "vdim", options.VDim, vdim, value);
        if (error is not null)
        {
            return MultiheadAttentionResult.Fail(error);
        }

        var keyPaddingShape = batched ? Shape.Of(key[batchAxis], sourceLength) : Shape.Of(sourceLength);
        var attnMaskShape = Shape.Of(targetLength, sourceLength);
        if (keyPaddingMask is not null)
        {
            error = ShapeMatch.Exactly(op, "key_padding_mask", keyPaddingMask, keyPaddingShape, "key_padding_mask");
            if (error is not null)
            {
                return MultiheadAttentionResult.Fail(error);
            }
        }
        if (attnMask is not null)
        {
            error = attnMask.Rank == 3
                ? new ShapeError(
                    ShapeErrorKind.RankMismatch,
                    $"{op}: attn_mask {attnMask} is 3-d; libtorch's MultiheadAttention, which TorchSharp calls, accepts only a 2-d mask {attnMaskShape} shared by every batch entry and head",
                    "attn_mask")
                : ShapeMatch.Exactly(op, "attn_mask", attnMask, attnMaskShape, "attn_mask");
            if (error is not null)
            {
                return MultiheadAttentionResult.Fail(error);
            }
        }

        Dim weightsLength = sourceLength + (options.AddBiasKV ? 1 : 0) + (options.AddZeroAttn ? 1 : 0);
        var weights = batched ? Shape.Of(query[batchAxis], targetLength, weightsLength) : Shape.Of(targetLength, weightsLength);

        // q, k and v projections (one in_proj_weight [3E, E] when kdim = vdim = E), then out_proj.
        Dim parameters = (embed * embed) + (embed * kdim) + (embed * vdim) + (embed * embed);
        if (options.Bias)
        {
            parameters += 4 * embed;
        }
        if (options.AddBiasKV)
        {
            parameters += 2 * embed;
        }
        var inferred = new Dictionary<string, Dim> { ["kdim"] = kdim, ["vdim"] = vdim };
        var layer = LayerResult.Ok(query, parameters, inferred, constraints.Requirements);
        return MultiheadAttentionResult.Ok(layer, weights, keyPaddingShape, attnMaskShape);
    }

    private static ShapeError? Declared(string op, string name, Dim? declared, Dim actual, Shape operand) =>
        declared is null
            ? null
            : Constraints.Equal(
                declared,
                actual,
                $"{op}: {name} is {declared} but the {(name == "kdim" ? "key" : "value")} {operand} has {actual} features in its last dimension",
                $"{op}: cannot prove {name} {declared} equals the last dimension {actual} of the {(name == "kdim" ? "key" : "value")} {operand}",
                name);
}
