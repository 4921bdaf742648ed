using System.Linq;
using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[LayerNorm]</c>: normalized_shape is the incoming trailing <c>NormalizedDims</c> dimensions.</summary>
internal sealed class LayerNormLayer : LayerDefinition
{
    public override string Kind => "LayerNorm";

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        long dims = arguments.Integer("NormalizedDims", 1);
        if (dims < 1)
        {
            arguments.Report("NormalizedDims", $"must be at least 1, not {dims}");
        }
        arguments.Real("Eps", 1e-5, 0, double.MaxValue);
        if (arguments.HasErrors)
        {
            return null;
        }
        return LayerNormRule.Apply(input, new LayerNormOptions { NormalizedDims = (int)dims, ElementwiseAffine = arguments.Flag("ElementwiseAffine", true) });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result)
    {
        long dims = arguments.Integer("NormalizedDims", 1);
        var shape = Enumerable.Range(0, (int)dims).Select(i => Inferred(result, "normalized_shape_" + i)).ToList();
        return new ConstructorCall("nn.LayerNorm")
            .Positional(shape.Count == 1 ? shape[0] : "new long[] { " + string.Join(", ", shape) + " }")
            .Named("eps", arguments.Real("Eps", 1e-5, 0, double.MaxValue), 1e-5)
            .Named("elementwise_affine", arguments.Flag("ElementwiseAffine", true), true)
            .ToString();
    }
}
