using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[AdaptiveAvgPool2d(h, w)]</c>: a fixed output size whatever the input's.</summary>
internal sealed class AdaptiveAvgPool2dLayer : LayerDefinition
{
    public override string Kind => "AdaptiveAvgPool2d";

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var height = arguments.Size("Height", 1);
        var width = arguments.Size("Width", 1);
        return height is null || width is null ? null : AdaptiveAvgPool2dRule.Apply(input, new AdaptiveAvgPool2dOptions(height, width));
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn.AdaptiveAvgPool2d")
            .Positional(ConstructorCall.Pair(arguments.Size("Height", 1)!, arguments.Size("Width", 1)!))
            .ToString();
}
