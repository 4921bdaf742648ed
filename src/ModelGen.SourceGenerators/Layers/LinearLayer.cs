using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[Linear(out)]</c>: in_features is the incoming last dimension.</summary>
internal sealed class LinearLayer : LayerDefinition
{
    public override string Kind => "Linear";

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var outFeatures = arguments.Size("OutFeatures", 1);
        return outFeatures is null ? null : LinearRule.Apply(input, new LinearOptions(outFeatures) { Bias = arguments.Flag("Bias", true) });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn.Linear")
            .Positional(Inferred(result, "in_features"))
            .Positional(arguments.Size("OutFeatures", 1)!)
            .Named("hasBias", arguments.Flag("Bias", true), true)
            .ToString();
}
