using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Models;

/// <summary>
/// A model after shape checking: every layer with its inferred sizes, output shape and parameter count,
/// and the run-time conditions the entry guard must check. The emitter writes code from this alone.
/// </summary>
/// <param name="Spec">What was parsed.</param>
/// <param name="Complete">True when no error was found: the full model is emitted; otherwise only a minimal part.</param>
/// <param name="Inputs">The inputs with their parsed shapes (empty when a shape is malformed).</param>
/// <param name="Layers">One entry per declared layer, aligned with <see cref="ModelSpec.Layers"/>.</param>
/// <param name="Tensors">The learnable parameters and buffers with their shapes, aligned with <see cref="ModelSpec.Tensors"/>.</param>
/// <param name="OutputShape">The model's output shape.</param>
/// <param name="Requirements">Conditions on run-time sizes that could not be decided at compile time.</param>
/// <param name="Issues">Every issue: the parser's and the checker's.</param>
/// <param name="DiscriminatorOutputsProbabilities">For a [Gan]: the discriminator ends with a sigmoid, so its scores are probabilities, not logits.</param>
internal sealed record CheckedModel(
    ModelSpec Spec,
    bool Complete,
    EquatableArray<CheckedInput> Inputs,
    EquatableArray<CheckedLayer> Layers,
    EquatableArray<CheckedTensor> Tensors,
    string OutputShape,
    EquatableArray<GuardRequirement> Requirements,
    EquatableArray<ModelIssue> Issues,
    bool DiscriminatorOutputsProbabilities);

/// <summary>An input, its declared dimensions (each a constant or a single name) and element type.</summary>
internal sealed record CheckedInput(string Name, string ShapeText, EquatableArray<Dim> Dims, string DType);

/// <summary>A layer ready to emit.</summary>
/// <param name="PropertyName">The user's property.</param>
/// <param name="Modifiers">The property's modifiers, repeated on its implementation.</param>
/// <param name="ModuleName">The state-dict name (snake_case of the property), e.g. <c>conv1</c>.</param>
/// <param name="Kind">What the summary calls it: the TorchSharp module type (<c>Conv2d</c>) or the submodel's class.</param>
/// <param name="TypeName">The C# type of its field and property.</param>
/// <param name="Construction">The C# expression that builds it, or empty when it could not be resolved.</param>
/// <param name="OutputShape">Its output shape (after its activation), or empty.</param>
/// <param name="Parameters">Its parameter count: a constant, or an expression over hyperparameters.</param>
/// <param name="Activation">The activation option, <c>None</c> when absent.</param>
/// <param name="Frozen">Its parameters are not trained.</param>
/// <param name="ChainCall">How a sequential chain applies it: a C# expression with <c>{field}</c> and <c>{input}</c> to fill in.</param>
internal sealed record CheckedLayer(
    string PropertyName,
    string Modifiers,
    string ModuleName,
    string Kind,
    string TypeName,
    string Construction,
    string OutputShape,
    Dim Parameters,
    string Activation,
    bool Frozen,
    string ChainCall);

/// <summary>A <c>[Parameter]</c> or <c>[Buffer]</c> tensor with its shape (sizes known at construction).</summary>
internal sealed record CheckedTensor(string PropertyName, string Modifiers, string ModuleName, bool IsBuffer, EquatableArray<Dim> Shape, string Init);

/// <summary>A run-time condition <c>Value &gt;= Minimum</c> over input sizes, checked at the model's entry.</summary>
internal sealed record GuardRequirement(Dim Value, Dim Minimum, string Reason);
