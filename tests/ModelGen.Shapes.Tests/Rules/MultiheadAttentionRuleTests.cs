using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class MultiheadAttentionRuleTests
{
    private static readonly Dim S = Dim.Sym("S");

    [Fact]
    public void Self_attention_keeps_the_query_shape_and_averages_the_weights_over_heads()
    {
        var x = Shape.Of(L, N, 64);
        var result = MultiheadAttentionRule.Apply(x, x, x, new MultiheadAttentionOptions(64, 8));
        Assert.Equal(x, Ok(result.Layer));
        Assert.Equal(Shape.Of(N, L, L), result.Weights);
        Assert.Equal(new[] { "attn_output [L, N, 64]", "attn_output_weights [N, L, L]" }, Texts(result.Outputs));
        Assert.Equal(new[] { "key_padding_mask [N, L]", "attn_mask [L, L]" }, Texts(result.OptionalInputs));
        // in_proj_weight [3E, E] and in_proj_bias [3E]; out_proj [E, E] and [E].
        Assert.Equal(Dim.Const((3 * 64 * 64) + (3 * 64) + (64 * 64) + 64), result.Parameters);
        Assert.Equal(Dim.Const(64), result.Layer.Inferred["kdim"]);
        Assert.Equal(Dim.Const(64), result.Layer.Inferred["vdim"]);
        Assert.Empty(result.Requirements);
    }

    [Fact]
    public void Batch_first_and_unbatched_layouts()
    {
        var options = new MultiheadAttentionOptions(16, 4) { BatchFirst = true };
        var result = MultiheadAttentionRule.Apply(Shape.Of(N, L, 16), Shape.Of(N, S, 16), Shape.Of(N, S, 16), options);
        Assert.Equal(Shape.Of(N, L, 16), result.Output);
        Assert.Equal(Shape.Of(N, L, S), result.Weights);
        Assert.Equal(Shape.Of(N, S), result.KeyPaddingMask);
        Assert.Equal(Shape.Of(L, S), result.AttnMask);

        result = MultiheadAttentionRule.Apply(Shape.Of(L, 16), Shape.Of(S, 16), Shape.Of(S, 16), options);
        Assert.Equal(Shape.Of(L, 16), result.Output);
        Assert.Equal(Shape.Of(L, S), result.Weights);
        Assert.Equal(Shape.Of(S), result.KeyPaddingMask);
    }

    [Fact]
    public void Other_key_widths_have_separate_projections_and_are_inferred()
    {
        var options = new MultiheadAttentionOptions(8, 2) { AddBiasKV = true, AddZeroAttn = true };
        var result = MultiheadAttentionRule.Apply(Shape.Of(4, N, 8), Shape.Of(5, N, 3), Shape.Of(5, N, 3), options);
        // Two extra key positions: bias_k and the zero step.
        Assert.Equal(Shape.Of(N, 4, 7), result.Weights);
        Assert.Equal(Dim.Const(3), result.Layer.Inferred["kdim"]);
        // q_proj [8, 8], k_proj [8, 3], v_proj [8, 3], in_proj_bias [24], bias_k, bias_v [1, 1, 8], out_proj [8, 8] + [8].
        Assert.Equal(Dim.Const(64 + 24 + 24 + 24 + 16 + 64 + 8), result.Parameters);
    }

    [Fact]
    public void Symbolic_embed_dim_needs_a_divisibility_requirement()
    {
        var e = Dim.Sym("E");
        var x = Shape.Of(L, N, e);
        var result = MultiheadAttentionRule.Apply(x, x, x, new MultiheadAttentionOptions(e, 4) { Bias = false });
        Assert.Equal(x, result.Output);
        Assert.Equal(new[] { "E >= 1", "4 * (E / 4) >= E" }, Requirements(result.Requirements));
        Assert.Equal(false, result.Requirements[1].IsSatisfied(new Dictionary<string, long> { ["E"] = 6 }));
        Assert.Equal(4 * e * e, result.Parameters);
    }

    [Fact]
    public void Num_heads_must_be_a_constant_dividing_embed_dim()
    {
        var x = Shape.Of(L, N, 10);
        var error = Fails(MultiheadAttentionRule.Apply(x, x, x, new MultiheadAttentionOptions(10, 4)).Layer, ShapeErrorKind.InvalidHyperparameter, "NumHeads");
        Assert.Equal("MultiheadAttention: embed_dim 10 is not divisible by num_heads 4", error.Message);
        Fails(MultiheadAttentionRule.Apply(x, x, x, new MultiheadAttentionOptions(10, 0)).Layer, ShapeErrorKind.InvalidHyperparameter, "NumHeads");
        Fails(MultiheadAttentionRule.Apply(x, x, x, new MultiheadAttentionOptions(10, Dim.Sym("h"))).Layer, ShapeErrorKind.CannotInfer, "NumHeads");
        Fails(MultiheadAttentionRule.Apply(x, x, x, new MultiheadAttentionOptions(0, 1)).Layer, ShapeErrorKind.InvalidHyperparameter, "EmbedDim");
    }

    [Fact]
    public void The_query_must_have_embed_dim_features()
    {
        var k = Shape.Of(S, N, 8);
        var error = Fails(MultiheadAttentionRule.Apply(Shape.Of(L, N, 6), k, k, new MultiheadAttentionOptions(8, 2)).Layer, ShapeErrorKind.DimMismatch, "EmbedDim");
        Assert.Equal("MultiheadAttention: the query [L, N, 6] has 6 features but embed_dim is 8", error.Message);
    }

    [Fact]
    public void Key_and_value_must_have_one_shape_and_the_query_batch()
    {
        var q = Shape.Of(L, N, 8);
        var options = new MultiheadAttentionOptions(8, 2);
        var error = Fails(MultiheadAttentionRule.Apply(q, Shape.Of(S, N, 8), Shape.Of(T, N, 8), options).Layer, ShapeErrorKind.DimMismatch, "value");
        Assert.Equal("MultiheadAttention: cannot prove the value [T, N, 8] has the shape of the key [S, N, 8] (dimension 0: T vs S)", error.Message);
        error = Fails(MultiheadAttentionRule.Apply(q, Shape.Of(S, N, 3), Shape.Of(S, N, 5), options).Layer, ShapeErrorKind.DimMismatch, "value");
        Assert.Equal("MultiheadAttention: the value [S, N, 5] must have the shape of the key [S, N, 3] (dimension 2: 5 vs 3); libtorch's MultiheadAttention, which TorchSharp calls, requires one shape", error.Message);
        error = Fails(MultiheadAttentionRule.Apply(Shape.Of(L, 2, 8), Shape.Of(S, 3, 8), Shape.Of(S, 3, 8), options).Layer, ShapeErrorKind.DimMismatch, "key");
        Assert.Equal("MultiheadAttention: the key [S, 3, 8] has batch size 3 but the query [L, 2, 8] has 2", error.Message);
    }

    [Fact]
    public void Declared_kdim_and_vdim_must_match_the_inputs()
    {
        var q = Shape.Of(L, N, 8);
        var k = Shape.Of(S, N, 3);
        Assert.True(MultiheadAttentionRule.Apply(q, k, k, new MultiheadAttentionOptions(8, 2) { KDim = 3, VDim = 3 }).Success);
        var error = Fails(MultiheadAttentionRule.Apply(q, k, k, new MultiheadAttentionOptions(8, 2) { KDim = 4 }).Layer, ShapeErrorKind.DimMismatch, "kdim");
        Assert.Equal("MultiheadAttention: kdim is 4 but the key [S, N, 3] has 3 features in its last dimension", error.Message);
        Fails(MultiheadAttentionRule.Apply(q, k, k, new MultiheadAttentionOptions(8, 2) { VDim = 8 }).Layer, ShapeErrorKind.DimMismatch, "vdim");
    }

    [Fact]
    public void Masks_must_have_their_shapes()
    {
        var q = Shape.Of(L, N, 8);
        var k = Shape.Of(S, N, 8);
        var options = new MultiheadAttentionOptions(8, 2);
        Assert.True(MultiheadAttentionRule.Apply(q, k, k, options, Shape.Of(N, S), Shape.Of(L, S)).Success);

        var error = Fails(MultiheadAttentionRule.Apply(q, k, k, options, Shape.Of(S, N)).Layer, ShapeErrorKind.DimMismatch, "key_padding_mask");
        Assert.Equal("MultiheadAttention: cannot prove that key_padding_mask [S, N] has the shape [N, S] (dimension 0: S vs N)", error.Message);
        error = Fails(MultiheadAttentionRule.Apply(q, k, k, options, null, Shape.Of(1, S)).Layer, ShapeErrorKind.DimMismatch, "attn_mask");
        Assert.Equal("MultiheadAttention: cannot prove that attn_mask [1, S] has the shape [L, S] (dimension 0: 1 vs L)", error.Message);
        error = Fails(MultiheadAttentionRule.Apply(q, k, k, options, null, Shape.Of(2 * N, L, S)).Layer, ShapeErrorKind.RankMismatch, "attn_mask");
        Assert.Equal("MultiheadAttention: attn_mask [2 * N, L, S] is 3-d; libtorch's MultiheadAttention, which TorchSharp calls, accepts only a 2-d mask [L, S] shared by every batch entry and head", error.Message);
        Fails(MultiheadAttentionRule.Apply(q, k, k, options, null, Shape.Of(S)).Layer, ShapeErrorKind.RankMismatch, "attn_mask");
        // Unbatched: key_padding_mask is [S].
        Fails(MultiheadAttentionRule.Apply(Shape.Of(L, 8), Shape.Of(S, 8), Shape.Of(S, 8), options, Shape.Of(1, S)).Layer, ShapeErrorKind.RankMismatch, "key_padding_mask");
    }

    [Fact]
    public void Ranks_must_be_3_or_2_and_agree()
    {
        var options = new MultiheadAttentionOptions(8, 2);
        var error = Fails(MultiheadAttentionRule.Apply(Shape.Of(8), Shape.Of(8), Shape.Of(8), options).Layer, ShapeErrorKind.RankMismatch, "query");
        Assert.Equal("MultiheadAttention expects a 3-d query [L, N, E] (or 2-d unbatched [L, E]) but got [8]", error.Message);
        error = Fails(MultiheadAttentionRule.Apply(Shape.Of(L, N, 8), Shape.Of(S, 8), Shape.Of(S, 8), options).Layer, ShapeErrorKind.RankMismatch, "key");
        Assert.Equal("MultiheadAttention: for a batched 3-d query [L, N, 8] the key must be 3-d too but is [S, 8]", error.Message);
        Fails(MultiheadAttentionRule.Apply(Shape.Of(L, 8), Shape.Of(S, 8), Shape.Of(S, N, 8), options).Layer, ShapeErrorKind.RankMismatch, "value");
    }

    [Fact]
    public void A_failure_has_no_outputs_or_mask_shapes()
    {
        var result = MultiheadAttentionRule.Apply(Shape.Of(8), Shape.Of(8), Shape.Of(8), new MultiheadAttentionOptions(8, 2));
        Assert.Null(result.Output);
        Assert.Null(result.Weights);
        Assert.Null(result.KeyPaddingMask);
        Assert.Null(result.AttnMask);
        Assert.Empty(result.Outputs);
        Assert.Empty(result.OptionalInputs);
    }

    private static string[] Texts(IReadOnlyList<NamedShape> shapes)
    {
        var texts = new string[shapes.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = shapes[i].ToString();
        }
        return texts;
    }
}
