using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>
/// <c>[MultiheadAttention(heads)]</c>: called as <c>Attention.call(query, key, value, keyPaddingMask, needWeights, attnMask)</c>
/// with [L, N, E] sequences; embed_dim, kdim and vdim are inferred from them; returns (output, weights).
/// </summary>
internal sealed class MultiheadAttentionLayer : LayerDefinition
{
    public override string Kind => "MultiheadAttention";

    public override LayerResult? Infer(Shape input, LayerArguments arguments) => null;

    public override LayerApplication? Apply(LayerInputs inputs, LayerArguments arguments)
    {
        if (inputs.Count < 3 || inputs.Tensor(0) is not { } query || inputs.Tensor(1) is not { } key || inputs.Tensor(2) is not { } value)
        {
            return Fail("MultiheadAttention takes a query, a key and a value (and optional masks); wire it in a [Forward] method: "
                + "var (output, weights) = Attention.call(q, k, v, null, true, null)");
        }
        if (query.Rank != 3 || key.Rank != 3 || value.Rank != 3)
        {
            // TorchSharp's module takes batched sequences only, sequence first.
            return Fail($"MultiheadAttention takes [L, N, E] query, key and value (sequence first, as TorchSharp's module does), not ({inputs})");
        }
        if (!IsReal(inputs, 0) || !IsReal(inputs, 1) || !IsReal(inputs, 2))
        {
            return Fail("MultiheadAttention takes real values but gets integer ids; an Embedding turns ids into vectors");
        }
        var heads = arguments.Size("NumHeads", 1);
        arguments.Real("Dropout", 0, 0, 1);
        if (heads is null || arguments.HasErrors)
        {
            return null;
        }
        var embed = query.Rank > 0 ? query[query.Rank - 1] : Dim.One;
        var options = new MultiheadAttentionOptions(embed, heads)
        {
            Bias = arguments.Flag("Bias", true),
            KDim = key.Rank > 0 ? key[key.Rank - 1] : null,
            VDim = value.Rank > 0 ? value[value.Rank - 1] : null,
        };
        var result = MultiheadAttentionRule.Apply(query, key, value, options, inputs.Tensor(3), inputs.Tensor(4));
        if (!result.Success)
        {
            return new LayerApplication(result.Layer);
        }
        var inferred = new System.Collections.Generic.Dictionary<string, Dim>(System.StringComparer.Ordinal) { ["embed_dim"] = embed };
        foreach (var pair in result.Layer.Inferred)
        {
            inferred[pair.Key] = pair.Value;
        }
        var layer = LayerResult.Ok(result.Output!, result.Parameters, inferred, result.Requirements);
        return new LayerApplication(layer, new[] { result.Output!, result.Weights! });
    }

    // Its several inputs cannot come from one chain.
    public override Shape? ChainOutput(LayerApplication application, LayerArguments arguments) => null;

    public override string Construct(LayerArguments arguments, LayerResult? result)
    {
        var embed = result!.Inferred["embed_dim"];
        var call = new ConstructorCall("nn.MultiheadAttention")
            .Named("embedded_dim", Emitting.Code.Size(embed))
            .Named("num_heads", Emitting.Code.Size(arguments.Size("NumHeads", 1)!))
            .Named("dropout", arguments.Real("Dropout", 0, 0, 1), 0)
            .Named("bias", arguments.Flag("Bias", true), true);
        foreach (var (name, inferred) in new[] { ("kdim", "kdim"), ("vdim", "vdim") })
        {
            if (result.Inferred.TryGetValue(inferred, out var size) && !size.Equals(embed))
            {
                call.Named(name, Emitting.Code.Size(size));
            }
        }
        return call.ToString();
    }
}
