using ModelGen.Shapes;
using ModelGen.SourceGenerators.Emitting;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>
/// One layer kind: how its attribute's arguments become a shape-engine rule and a TorchSharp
/// constructor call. One subclass per layer, named after it, in this folder.
/// </summary>
internal abstract class LayerDefinition
{
    /// <summary>The attribute's name without <c>Attribute</c>, e.g. <c>Conv2d</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The TorchSharp module type in <c>TorchSharp.Modules</c> the layer is.</summary>
    public virtual string ModuleType => Kind;

    /// <summary>Applies the shape rule to the incoming shape; null when the arguments are invalid (already reported).</summary>
    public abstract LayerResult? Infer(Shape input, LayerArguments arguments);

    /// <summary>
    /// Applies the layer to all its call arguments. Layers with one tensor in and one out need not
    /// override it; recurrent and attention layers do.
    /// </summary>
    public virtual LayerApplication? Apply(LayerInputs inputs, LayerArguments arguments)
    {
        if (inputs.Count != 1 || inputs.Tensor(0) is not { } input)
        {
            return new LayerApplication(LayerResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, $"{Kind} takes one tensor, not ({inputs})")));
        }
        return Infer(input, arguments) is { } result ? new LayerApplication(result) : null;
    }

    /// <summary>What a sequential chain hands on from this layer: its main output unless the layer says otherwise.</summary>
    public virtual Shape? ChainOutput(LayerApplication application, LayerArguments arguments) => application.Result.Output;

    /// <summary>The C# expression that applies the layer in a sequential chain, <c>{field}</c> and <c>{input}</c> filled in.</summary>
    public virtual string ChainCall(LayerArguments arguments) => "{field}.call({input})";

    /// <summary>Whether the layer takes sizes from its input (in_features, in_channels, ...).</summary>
    public virtual bool InfersSizes => true;

    /// <summary>
    /// The C# expression that builds the module, given the sizes <paramref name="result"/> inferred;
    /// <paramref name="result"/> is null only for layers that infer nothing.
    /// </summary>
    public abstract string Construct(LayerArguments arguments, LayerResult? result);

    /// <summary>Reads an inferred size that the checker has already proven constant.</summary>
    protected static string Inferred(LayerResult? result, string name) => Code.Size(result!.Inferred[name]);
}
