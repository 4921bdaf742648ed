using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The outcome of <see cref="MultiheadAttentionRule"/>: torch returns <c>(attn_output, attn_output_weights)</c>.
/// <see cref="MultiOutputResult.Layer"/> has attn_output as its output; <see cref="MultiOutputResult.Outputs"/>
/// is <c>attn_output, attn_output_weights</c>, and <see cref="MultiOutputResult.OptionalInputs"/> the
/// shapes the optional masks must have: <c>key_padding_mask</c> and <c>attn_mask</c>.
/// </summary>
public sealed class MultiheadAttentionResult : MultiOutputResult
{
    private MultiheadAttentionResult(LayerResult layer, IReadOnlyList<NamedShape>? outputs, IReadOnlyList<NamedShape>? masks, Shape? weights, Shape? keyPaddingMask, Shape? attnMask)
        : base(layer, outputs, masks)
    {
        Weights = weights;
        KeyPaddingMask = keyPaddingMask;
        AttnMask = attnMask;
    }

    /// <summary>
    /// attn_output_weights, averaged over the heads: [N, L, S'] (unbatched [L, S']), where S' is the key's
    /// length plus 1 for add_bias_kv and 1 for add_zero_attn; null on failure.
    /// </summary>
    public Shape? Weights { get; }

    /// <summary>The shape a key_padding_mask must have: [N, S] (unbatched [S]); null on failure.</summary>
    public Shape? KeyPaddingMask { get; }

    /// <summary>The shape an attn_mask must have: [L, S]; null on failure.</summary>
    public Shape? AttnMask { get; }

    internal static MultiheadAttentionResult Ok(LayerResult layer, Shape weights, Shape keyPaddingMask, Shape attnMask) =>
        new MultiheadAttentionResult(
            layer,
            new[] { new NamedShape("attn_output", layer.Output!), new NamedShape("attn_output_weights", weights) },
            new[] { new NamedShape("key_padding_mask", keyPaddingMask), new NamedShape("attn_mask", attnMask) },
            weights,
            keyPaddingMask,
            attnMask);

    internal static MultiheadAttentionResult Fail(ShapeError error) => new MultiheadAttentionResult(LayerResult.Fail(error), null, null, null, null, null);
}
