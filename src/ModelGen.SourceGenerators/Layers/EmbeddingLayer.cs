using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[Embedding(vocabulary, features)]</c>: integer ids [*] to vectors [*, features].</summary>
internal sealed class EmbeddingLayer : LayerDefinition
{
    public override string Kind => "Embedding";

    public override bool InfersSizes => false;

    public override bool TakesIntegers => true;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var vocabulary = arguments.Size("NumEmbeddings", 1);
        var features = arguments.Size("EmbeddingDim", 1);
        if (vocabulary is null || features is null)
        {
            return null;
        }
        return EmbeddingRule.Apply(input, new EmbeddingOptions(vocabulary, features) { PaddingIdx = PaddingIdx(arguments) });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn.Embedding")
            .Named("num_embeddings", Emitting.Code.Size(arguments.Size("NumEmbeddings", 1)!))
            .Named("embedding_dims", Emitting.Code.Size(arguments.Size("EmbeddingDim", 1)!))
            .NamedIf(PaddingIdx(arguments) is not null, "padding_idx", Emitting.Code.Long(PaddingIdx(arguments) ?? 0))
            .ToString();

    private static long? PaddingIdx(LayerArguments arguments) => arguments.Has("PaddingIdx") ? arguments.Integer("PaddingIdx", 0) : null;
}
