using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[PositionalEncoding(maxLength)]</c>: adds fixed sinusoids to [N, T, E]; E is inferred, T is checked against the maximum.</summary>
internal sealed class PositionalEncodingLayer : LayerDefinition
{
    public override string Kind => "PositionalEncoding";

    public override string QualifiedType => "ModelGen.PositionalEncoding";

    public override string TypeName => "global::ModelGen.PositionalEncoding";

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var maxLength = arguments.Size("MaxLength", 1);
        if (maxLength is null)
        {
            return null;
        }
        var embed = input.Rank > 0 ? input[input.Rank - 1] : Dim.One;
        var result = PositionalEncodingRule.Apply(input, new PositionalEncodingOptions(maxLength, embed)
        {
            Kind = PositionalEncodingKind.Sinusoidal,
            BatchFirst = arguments.Flag("BatchFirst", true),
        });
        if (!result.Success)
        {
            return result;
        }
        return LayerResult.Ok(result.Output!, result.Parameters, new System.Collections.Generic.Dictionary<string, Dim>(System.StringComparer.Ordinal) { ["embed_dim"] = embed }, result.Requirements);
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("new global::ModelGen.PositionalEncoding")
            .Positional(Emitting.Code.Size(arguments.Size("MaxLength", 1)!))
            .Positional(Inferred(result, "embed_dim"))
            .NamedIf(!arguments.Flag("BatchFirst", true), "batchFirst", "false")
            .ToString();
}
