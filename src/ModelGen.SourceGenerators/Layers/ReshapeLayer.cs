using System.Linq;
using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>
/// <c>[Reshape(1, 28, 28)]</c>: a flat [N, F] input becomes [N, 1, 28, 28] (Keras' Reshape after a Dense
/// layer). The element count must match: Dense(256) -> Reshape(28, 28, 1) is the seed's GAN bug.
/// </summary>
internal sealed class ReshapeLayer : LayerDefinition
{
    public override string Kind => "Reshape";

    public override string ModuleType => "Unflatten";

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var sizes = arguments.Sizes("Shape");
        if (sizes is null)
        {
            return null;
        }
        if (input.Rank != 2)
        {
            return LayerResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch,
                $"Reshape takes a flat [N, F] input, as after a Linear layer, but got {input}; add a [Flatten] before it"));
        }
        return UnflattenRule.Apply(input, new UnflattenOptions(1, sizes));
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn.Unflatten")
            .Positional("1")
            .Positional("new long[] { " + string.Join(", ", arguments.Sizes("Shape")!.Select(s => Emitting.Code.Size(s))) + " }")
            .ToString();
}
