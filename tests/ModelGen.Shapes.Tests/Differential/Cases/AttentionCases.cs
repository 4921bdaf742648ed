using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static ModelGen.Shapes.Tests.Differential.DiffChecker;

namespace ModelGen.Shapes.Tests.Differential.Cases;

/// <summary>
/// torch.nn.MultiheadAttention on random query, key and value with optional masks. TorchSharp's module
/// takes only [L, N, E]; batch_first and unbatched inputs run as PyTorch's Python module runs them
/// (dimensions 0 and 1 transposed, or dimension 1 unsqueezed and squeezed off the outputs). Inputs whose
/// ranks disagree are left to the unit tests: libtorch's C++ function reads sizes()[2] unchecked.
/// </summary>
internal static class AttentionCases
{
    public static DiffCase Next(DiffRandom r)
    {
        long heads = r.Int(1, 3), embed = heads * r.Int(1, 3);
        long target = r.Int(1, 4), source = r.Int(1, 4), batch = r.Int(1, 3);
        bool batched = r.Chance(0.8), batchFirst = r.Chance(0.5);
        long kdim = r.Chance(0.5) ? embed : r.Int(1, 6);
        bool bias = r.Chance(0.7), biasKV = r.Chance(0.3), zeroAttn = r.Chance(0.3);
        bool keyPadding = r.Chance(0.3), attnMask = r.Chance(0.3), declare = r.Chance(0.5);
        long moduleHeads = heads, moduleKdim = kdim, moduleVdim = kdim, queryFeatures = embed;
        long keyBatch = batch, valueLength = source, valueFeatures = kdim;
        long[] keyPaddingSizes = batched ? new[] { batch, source } : new[] { source };
        long[] attnMaskSizes = { target, source };
        string mode = "valid";
        string? quirk = null;
        if (r.Chance(0.4))
        {
            mode = r.Pick("embed_dim", "num_heads", "value-length", "value-dim", "kdim", "batch", "key_padding_mask", "attn_mask", "attn_mask-3d", "attn_mask-broadcast");
            switch (mode)
            {
                case "embed_dim":
                    queryFeatures = r.IntExcept(1, 7, embed);
                    break;
                case "num_heads":
                    moduleHeads = r.IntExcept(2, 4, Enumerable.Range(2, 3).Where(h => embed % h == 0).Select(h => (long)h).ToArray());
                    break;
                case "value-length":
                    valueLength = r.IntExcept(1, 5, source);
                    break;
                case "value-dim":
                    // libtorch requires key and value of one shape; the module is built for the value's width.
                    valueFeatures = r.IntExcept(1, 6, kdim);
                    moduleVdim = valueFeatures;
                    break;
                case "kdim":
                    // Both inputs are one width, the module expects another.
                    moduleKdim = moduleVdim = r.IntExcept(1, 6, kdim);
                    declare = true;
                    break;
                case "batch" when batched && batch >= 2:
                    keyBatch = r.IntExcept(1, 3, batch);
                    keyPadding = attnMask = false;
                    // add_bias_kv concatenates a bias repeated over the query's batch, which then does not fit.
                    if (source * keyBatch % batch == 0 && !biasKV)
                    {
                        quirk = "libtorch's C++ MultiheadAttention reshapes the key with view(-1, N * num_heads, head_dim), so a key with another batch size passes when the sizes divide evenly";
                    }
                    break;
                case "key_padding_mask":
                    keyPadding = true;
                    int wrong = batched ? r.Int(0, 1) : 0;
                    keyPaddingSizes[wrong] = r.IntExcept(1, 5, keyPaddingSizes[wrong]);
                    break;
                case "attn_mask":
                    attnMask = true;
                    // Sizes other than 1, which libtorch's C++ function would broadcast.
                    attnMaskSizes = r.Chance(0.5)
                        ? new[] { r.IntExcept(2, 5, target), source }
                        : new[] { target, r.IntExcept(2, 5, source) };
                    break;
                case "attn_mask-3d":
                    attnMask = true;
                    attnMaskSizes = new[] { batch * heads, target, source };
                    break;
                case "attn_mask-broadcast" when target > 1 || source > 1:
                    attnMask = true;
                    attnMaskSizes = source > 1 && (r.Chance(0.5) || target == 1 || biasKV || zeroAttn) ? new[] { 1L, source } : new[] { target, 1L };
                    if (attnMaskSizes[1] == 1 && (biasKV || zeroAttn))
                    {
                        attnMaskSizes = new[] { 1L, source };
                    }
                    quirk = attnMaskSizes.SequenceEqual(new[] { target, source }) ? null : "libtorch's C++ MultiheadAttention broadcasts a 2-d attn_mask; PyTorch requires [L, S]";
                    break;
                default:
                    mode = "valid";
                    break;
            }
        }

        long[] Layout(long b, long seq, long features) => batched ? (batchFirst ? new[] { b, seq, features } : new[] { seq, b, features }) : new[] { seq, features };
        var inputs = new List<long[]> { Layout(batch, target, queryFeatures), Layout(keyBatch, source, kdim), Layout(keyBatch, valueLength, valueFeatures) };
        int keyPaddingIndex = -1, attnMaskIndex = -1;
        if (keyPadding)
        {
            keyPaddingIndex = inputs.Count;
            inputs.Add(keyPaddingSizes);
        }
        if (attnMask)
        {
            attnMaskIndex = inputs.Count;
            inputs.Add(attnMaskSizes);
        }

        MultiheadAttentionOptions Options(Dim embedDim, Dim? declaredKdim) => new(embedDim, moduleHeads)
        {
            Bias = bias,
            AddBiasKV = biasKV,
            AddZeroAttn = zeroAttn,
            BatchFirst = batchFirst,
            KDim = declare ? declaredKdim ?? moduleKdim : null,
            VDim = declare ? (moduleVdim == moduleKdim ? declaredKdim ?? moduleVdim : moduleVdim) : null,
        };
        EngineOutcome Engine(Shape[] s, MultiheadAttentionOptions options) => MultiheadAttentionRule.Apply(
            s[0], s[1], s[2], options, keyPaddingIndex < 0 ? null : s[keyPaddingIndex], attnMaskIndex < 0 ? null : s[attnMaskIndex]);

        var c = new DiffCase
        {
            Description = $"MultiheadAttention({embed}, {moduleHeads}, bias={bias}, add_bias_kv={biasKV}, add_zero_attn={zeroAttn}, kdim={moduleKdim}, vdim={moduleVdim}, batch_first={batchFirst}) on {string.Join(" ", inputs.Select(Sym.Text))}{(keyPadding ? " with key_padding_mask" : "")}{(attnMask ? " with attn_mask" : "")} ({mode})",
            Inputs = inputs.ToArray(),
            CreateInput = (i, sizes) => i == keyPaddingIndex ? torch.zeros(sizes, dtype: torch.@bool) : i == attnMaskIndex ? torch.zeros(sizes) : torch.randn(sizes),
            Engine = s => Engine(s, Options(embed, null)),
            Torch = t =>
            {
                using var m = torch.nn.MultiheadAttention(embed, moduleHeads, bias: bias, add_bias_kv: biasKV, add_zero_attn: zeroAttn, kdim: moduleKdim, vdim: moduleVdim);
                torch.Tensor query = t[0], key = t[1], value = t[2];
                torch.Tensor? padding = keyPaddingIndex < 0 ? null : t[keyPaddingIndex];
                bool unbatched = query.dim() == 2;
                if (unbatched)
                {
                    (query, key, value, padding) = (query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1), padding?.unsqueeze(0));
                }
                else if (batchFirst)
                {
                    (query, key, value) = (query.transpose(0, 1), key.transpose(0, 1), value.transpose(0, 1));
                }
                var (output, weights) = m.call(query, key, value, padding, true, attnMaskIndex < 0 ? null : t[attnMaskIndex]);
                output = unbatched ? output.squeeze(1) : batchFirst ? output.transpose(0, 1) : output;
                weights = unbatched ? weights.squeeze(0) : weights;
                return new TorchResult(new[] { output, weights }, Count(m));
            },
            TorchQuirk = quirk,
        };

        // Roles by position; a dimension is a symbol where it has its role's size.
        var values = new Dictionary<string, long> { ["N"] = batch, ["L"] = target, ["S"] = source, ["E"] = embed, ["K"] = kdim };
        string[] Roles(string seq, string features) => batched ? (batchFirst ? new[] { "N", seq, features } : new[] { seq, "N", features }) : new[] { seq, features };
        var roles = new List<string[]> { Roles("L", "E"), Roles("S", "K"), Roles("S", "K") };
        if (keyPadding)
        {
            roles.Add(batched ? new[] { "N", "S" } : new[] { "S" });
        }
        if (attnMask)
        {
            roles.Add(new[] { "L", "S" });
        }
        Shape[] Symbolic(params string[] symbols) => inputs.Select((sizes, j) => Shape.Of(sizes.Select((v, i) =>
            sizes.Length == roles[j].Length && symbols.Contains(roles[j][i]) && values[roles[j][i]] == v ? Dim.Sym(roles[j][i]) : (Dim)v).ToArray())).ToArray();
        (string, long)[] Binding(params string[] symbols) => symbols.Select(s => (s, values[s])).ToArray();

        c.With("sequence", Symbolic("N", "L", "S"), Binding("N", "L", "S"));
        // embed_dim and the key's width as model parameters: num_heads must divide E, kdim = vdim = K.
        c.WithEngine(
            "hyper",
            s => Engine(s, Options(Dim.Sym("E"), moduleKdim == kdim ? Dim.Sym("K") : null)),
            Symbolic("N", "L", "S", "E", "K"),
            Binding("N", "L", "S", "E", "K"));
        return c;
    }
}
