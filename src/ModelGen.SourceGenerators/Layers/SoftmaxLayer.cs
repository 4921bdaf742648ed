using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[Softmax(dim)]</c> and <c>[LogSoftmax(dim)]</c>: the dimension must exist.</summary>
internal sealed class SoftmaxLayer : LayerDefinition
{
    private readonly string _kind;

    public SoftmaxLayer(string kind) => _kind = kind;

    public override string Kind => _kind;

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments) =>
        SoftmaxRule.Apply(input, new SoftmaxOptions(arguments.Integer("Dim", -1)) { Log = _kind == "LogSoftmax" });

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn." + _kind).Positional(Emitting.Code.Long(arguments.Integer("Dim", -1))).ToString();
}
