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
