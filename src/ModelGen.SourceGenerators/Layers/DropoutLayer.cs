using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[Dropout(p)]</c>: active in training mode only.</summary>
internal sealed class DropoutLayer : LayerDefinition
{
    public override string Kind => "Dropout";

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        double p = arguments.Real("P", 0.5, 0, 1);
        return arguments.HasErrors ? null : DropoutRule.Apply(input, new DropoutOptions(p));
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn.Dropout").Positional(Emitting.Code.Double(arguments.Real("P", 0.5, 0, 1))).ToString();
}
