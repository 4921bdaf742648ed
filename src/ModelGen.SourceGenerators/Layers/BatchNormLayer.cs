using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[BatchNorm1d]</c> and <c>[BatchNorm2d]</c>: num_features is the incoming channel dimension.</summary>
internal sealed class BatchNormLayer : LayerDefinition
{
    private readonly string _kind;

    public BatchNormLayer(string kind) => _kind = kind;

    public override string Kind => _kind;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        bool affine = arguments.Flag("Affine", true);
        arguments.Real("Eps", 1e-5, 0, double.MaxValue);
        arguments.Real("Momentum", 0.1, 0, 1);
        if (arguments.HasErrors)
        {
            return null;
        }
        return _kind == "BatchNorm1d"
            ? BatchNorm1dRule.Apply(input, new BatchNorm1dOptions { Affine = affine })
            : BatchNorm2dRule.Apply(input, new BatchNorm2dOptions { Affine = affine });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn." + _kind)
            .Named("num_features", Inferred(result, "num_features"))
            .Named("eps", arguments.Real("Eps", 1e-5, 0, double.MaxValue), 1e-5)
            .Named("momentum", arguments.Real("Momentum", 0.1, 0, 1), 0.1)
            .Named("affine", arguments.Flag("Affine", true), true)
            .Named("track_running_stats", arguments.Flag("TrackRunningStats", true), true)
            .ToString();
}
