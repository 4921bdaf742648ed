using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[Flatten]</c>: dimensions StartDim..EndDim become one.</summary>
internal sealed class FlattenLayer : LayerDefinition
{
    public override string Kind => "Flatten";

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments) =>
        FlattenRule.Apply(input, new FlattenOptions { StartDim = arguments.Integer("StartDim", 1), EndDim = arguments.Integer("EndDim", -1) });

    public override string Construct(LayerArguments arguments, LayerResult? result)
    {
        long start = arguments.Integer("StartDim", 1);
        long end = arguments.Integer("EndDim", -1);
        var call = new ConstructorCall("nn.Flatten");
        if (start != 1 || end != -1)
        {
            call.Positional(Emitting.Code.Long(start)).Positional(Emitting.Code.Long(end));
        }
        return call.ToString();
    }
}
