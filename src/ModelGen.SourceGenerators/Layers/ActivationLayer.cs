using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[ReLU]</c>, <c>[LeakyReLU]</c>, <c>[Sigmoid]</c>, <c>[Tanh]</c>, <c>[GELU]</c>: element-wise, shape-preserving.</summary>
internal sealed class ActivationLayer : LayerDefinition
{
    private readonly string _kind;

    public ActivationLayer(string kind) => _kind = kind;

    public override string Kind => _kind;

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var kind = _kind switch
        {
            "ReLU" => ActivationKind.ReLU,
            "LeakyReLU" => ActivationKind.LeakyReLU,
            "Sigmoid" => ActivationKind.Sigmoid,
            "Tanh" => ActivationKind.Tanh,
            _ => ActivationKind.GELU,
        };
        return ActivationRule.Apply(input, new ActivationOptions(kind) { NegativeSlope = NegativeSlope(arguments) });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        _kind == "LeakyReLU"
            ? new ConstructorCall("nn.LeakyReLU").Named("negative_slope", NegativeSlope(arguments), 0.01).ToString()
            : new ConstructorCall("nn." + _kind).ToString();

    private static double NegativeSlope(LayerArguments arguments) => arguments.Real("NegativeSlope", 0.01, double.MinValue, double.MaxValue);
}
