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

    /// <summary>The module type's short name, as the summary shows it.</summary>
    public virtual string ModuleType => Kind;

    /// <summary>The module type's full name, which the layer property must have.</summary>
    public virtual string QualifiedType => "TorchSharp.Modules." + ModuleType;

    /// <summary>The type as the generated code writes it (the generated file imports <c>TorchSharp.Modules</c>).</summary>
    public virtual string TypeName => ModuleType;

    /// <summary>Whether the layer takes integer ids (an Embedding) rather than real values.</summary>
    public virtual bool TakesIntegers => false;

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
            return Fail($"{Kind} takes one tensor, not ({inputs})");
        }
        if (inputs.IsInteger(0) != TakesIntegers)
        {
            return Fail(TakesIntegers
                ? $"{Kind} takes integer ids; declare the input with DType = ScalarType.Int64"
                : $"{Kind} takes real values but gets integer ids; an Embedding turns ids into vectors");
        }
        return Infer(input, arguments) is { } result ? new LayerApplication(result) : null;
    }

    /// <summary>A failed application with a message about what the layer was called with.</summary>
    protected static LayerApplication Fail(string message, ShapeErrorKind kind = ShapeErrorKind.RankMismatch) =>
        new(LayerResult.Fail(new ShapeError(kind, message)));

    /// <summary>Checks that argument <paramref name="index"/> is absent or holds real values, for layers with several inputs.</summary>
    protected static bool IsReal(LayerInputs inputs, int index) => inputs.IsAbsent(index) || !inputs.IsInteger(index);


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
