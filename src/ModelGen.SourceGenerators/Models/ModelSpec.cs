
namespace ModelGen.SourceGenerators.Models;

/// <summary>
/// What the parser read from one <c>[Model]</c> class: names, inputs, layers and the wiring, as plain
/// equatable values (no symbols, syntax or locations) so the incremental pipeline can cache on it.
/// </summary>
/// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
/// <param name="Name">The class name.</param>
/// <param name="ContainingTypes">Declarations of enclosing types, outermost first (e.g. <c>partial class Outer</c>).</param>
/// <param name="Hyperparameters">Declared hyperparameters in declaration order: the generated constructor's parameters.</param>
/// <param name="Inputs">Declared inputs in order.</param>
/// <param name="Layers">Declared layers in declaration order.</param>
/// <param name="Tensors">Declared learnable parameters and buffers (custom layers), in declaration order.</param>
/// <param name="Forward">The user's wiring, or null for a sequential model.</param>
/// <param name="CanGenerate">False when the declaration itself is unusable (not partial, generic, ...): nothing is emitted.</param>
/// <param name="HasUserConstructor">The user declared a constructor (an error); the generated part then has none.</param>
/// <param name="HasUserBaseClass">The user declared a base class (an error); the generated part then repeats none.</param>
/// <param name="IsGan">Marked [Gan]: a generator and a discriminator trained adversarially.</param>
/// <param name="Issues">Problems found while parsing.</param>
internal sealed record ModelSpec(
    string? Namespace,
    string Name,
    EquatableArray<string> ContainingTypes,
    EquatableArray<HyperparameterSpec> Hyperparameters,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<TensorSpec> Tensors,
    ForwardSpec? Forward,
    bool CanGenerate,
    bool HasUserConstructor,
    bool HasUserBaseClass,
    bool IsGan,
    EquatableArray<ModelIssue> Issues)
{
    /// <summary>The class name with its namespace, for messages and hint names.</summary>
    public string FullName => Namespace is null ? Name : Namespace + "." + Name;

    /// <summary>The metadata name (<c>Ns.Outer+Name</c>), the key a submodel's model is found by.</summary>
    public string MetadataName => (Namespace is null ? "" : Namespace + ".")
        + string.Concat(System.Linq.Enumerable.Select(ContainingTypes, t => t.Substring(t.LastIndexOf(' ') + 1) + "+")) + Name;

    /// <summary>The fully qualified type name as C# writes it with <c>global::</c>.</summary>
    public string QualifiedName => "global::" + (Namespace is null ? "" : Namespace + ".")
        + string.Concat(System.Linq.Enumerable.Select(ContainingTypes, t => t.Substring(t.LastIndexOf(' ') + 1) + ".")) + Name;

    /// <summary>Whether the model has hyperparameters: its constructor takes arguments and its summary is per instance.</summary>
    public bool IsParameterized => Hyperparameters.Count > 0;
}

/// <summary>A <c>[Hyperparameter]</c> property: its name, C# type, default (as C# code, or null when required) and modifiers.</summary>
internal sealed record HyperparameterSpec(string Name, string Type, string? DefaultCode, long? DefaultInteger, string Modifiers)
{
    /// <summary>Whether the hyperparameter is an integer, so it can size layers and tensors.</summary>
    public bool IsInteger => Type is "int" or "long";
}

/// <summary>A <c>[Parameter]</c> (learned) or <c>[Buffer]</c> (kept) tensor of a custom layer.</summary>
internal sealed record TensorSpec(string PropertyName, string Modifiers, bool IsBuffer, string ShapeText, string Init);

/// <summary>An <c>[Input]</c>: its name, shape text as written, and element type (a <c>ScalarType</c> member name).</summary>
internal sealed record InputSpec(string Name, string ShapeText, string DType = "Float32")
{
    /// <summary>Whether the input holds integers (token ids, indices) rather than real values.</summary>
    public bool IsInteger => DType is "Int64" or "Int32" or "Int16" or "Int8" or "Byte";
}

/// <summary>A layer property: its name, accessibility, declared type and the attribute's arguments.</summary>
/// <param name="PropertyName">The property's name, e.g. <c>Conv1</c>.</param>
/// <param name="Modifiers">The property's modifiers as written, e.g. <c>public partial</c>.</param>
/// <param name="PropertyType">The declared type, fully qualified.</param>
/// <param name="Kind">The layer kind: the attribute's name without <c>Attribute</c>, e.g. <c>Conv2d</c>.</param>
/// <param name="Arguments">The attribute's arguments by property name; defaults are not listed.</param>
/// <param name="TypeMetadataName">The property type's metadata name, by which a submodel's model is found.</param>
/// <param name="Frozen">Marked [Frozen]: its parameters are not trained.</param>
internal sealed record LayerSpec(
    string PropertyName,
    string Modifiers,
    string PropertyType,
    string Kind,
    EquatableArray<HyperParameter> Arguments,
    string TypeMetadataName,
    bool Frozen);

/// <summary>One constant argument of a layer attribute or of a torch call in a forward body.</summary>
internal sealed record HyperParameter(string Name, HyperValue Value);

/// <summary>The kinds of constant a hyperparameter can hold.</summary>
internal enum HyperValueKind
{
    Integer,
    IntegerArray,
    Real,
    Boolean,
    Text,
    EnumMember,
    Null,
}

/// <summary>A constant value; <see cref="Text"/> holds a string value or an enum member's name.</summary>
internal sealed record HyperValue(HyperValueKind Kind, EquatableArray<long> Integers, double Real, bool Flag, string Text)
{
    public static HyperValue Integer(long value) => new(HyperValueKind.Integer, new EquatableArray<long>(new[] { value }), 0, false, "");

    public static HyperValue IntegerArray(long[] values) => new(HyperValueKind.IntegerArray, new EquatableArray<long>(values), 0, false, "");

    public static HyperValue Number(double value) => new(HyperValueKind.Real, EquatableArray<long>.Empty, value, false, "");

    public static HyperValue Boolean(bool value) => new(HyperValueKind.Boolean, EquatableArray<long>.Empty, 0, value, "");

    public static HyperValue String(string value) => new(HyperValueKind.Text, EquatableArray<long>.Empty, 0, false, value);

    public static HyperValue Enum(string member, long value) => new(HyperValueKind.EnumMember, new EquatableArray<long>(new[] { value }), 0, false, member);

    public static HyperValue Null { get; } = new(HyperValueKind.Null, EquatableArray<long>.Empty, 0, false, "");
}

/// <summary>A span of source text, relative to the start of the declaration it belongs to, so that edits elsewhere in the file leave it unchanged.</summary>
internal readonly record struct SourceSpan(int Start, int Length)
{
    public static SourceSpan None => new(-1, 0);
}

/// <summary>The user's <c>[Forward]</c> method, as a list of statements over tensors and layers.</summary>
/// <param name="MethodName">The method's name.</param>
/// <param name="Parameters">Its tensor parameters in order.</param>
/// <param name="Statements">The body, one entry per statement (an expression body is one return).</param>
/// <param name="Outputs">
/// For a method that returns a tuple of tensors, the element names as declared (empty for an unnamed
/// element); empty when it returns one tensor.
/// </param>
internal sealed record ForwardSpec(string MethodName, EquatableArray<string> Parameters, EquatableArray<ForwardStatement> Statements, EquatableArray<string> Outputs)
{
    /// <summary>True when the model returns a tuple of tensors rather than one tensor.</summary>
    public bool ReturnsTuple => Outputs.Count > 0;

    /// <summary>How the model's code names output <paramref name="index"/> of a tuple: its declared name, or Item1, Item2, ...</summary>
    public string OutputName(int index) => Outputs[index].Length > 0 ? Outputs[index] : "Item" + (index + 1);
}

/// <summary>What a forward statement does.</summary>
internal enum ForwardStatementKind
{
    Assign,
    Return,
    /// <summary>An expression evaluated for its effect (an in-place update such as <c>RunningMean.mul_(0.9)</c>).</summary>
    Evaluate,
    /// <summary>An <c>if</c>: both branches (<c>Then</c>, <c>Else</c>) are followed; the condition is not shape-relevant.</summary>
    If,
    /// <summary><c>var (a, b, _) = value;</c>: <c>Target</c> lists the names, comma-separated, <c>_</c> for a discard.</summary>
    Deconstruct,
    /// <summary>A statement the checker cannot follow; <c>Value</c> is the Unsupported node.</summary>
    Unsupported,
}

/// <summary>An assignment to a local or parameter, a return, an evaluated expression, or an <c>if</c> with its branches.</summary>
internal sealed record ForwardStatement(ForwardStatementKind Kind, string Target, ForwardNode Value, EquatableArray<ForwardStatement> Then, EquatableArray<ForwardStatement> Else)
{
    public ForwardStatement(ForwardStatementKind kind, string target, ForwardNode value)
        : this(kind, target, value, EquatableArray<ForwardStatement>.Empty, EquatableArray<ForwardStatement>.Empty)
    {
    }
}

/// <summary>What a forward expression node is.</summary>
internal enum ForwardNodeKind
{
    /// <summary>A parameter or local, by <c>Name</c>.</summary>
    Variable,
    /// <summary>A declared layer (<c>Name</c> = property) applied to <c>Operands[0]</c>.</summary>
    LayerCall,
    /// <summary>A torch function or tensor method (<c>Name</c> = op); tensor and size operands, constant <c>Arguments</c>.</summary>
    Operation,
    /// <summary>A constant integer in <c>Arguments[0]</c>.</summary>
    Integer,
    /// <summary>A plain number (a scalar operand).</summary>
    Scalar,
    /// <summary>The size of dimension <c>Arguments[0]</c> of tensor <c>Operands[0]</c> (<c>x.shape[i]</c>, <c>x.size(i)</c>).</summary>
    SizeOf,
    /// <summary>Integer arithmetic (<c>Name</c> is + - * /) over sizes.</summary>
    SizeArithmetic,
    /// <summary>A list of tensors or sizes (the operand of cat, the shape of view).</summary>
    List,
    /// <summary>A hyperparameter of the model, by <c>Name</c>: a size when it is an integer, else a scalar.</summary>
    Hyperparameter,
    /// <summary>A <c>[Parameter]</c> or <c>[Buffer]</c> tensor of the model, by property <c>Name</c>.</summary>
    State,
    /// <summary>Element <c>Arguments[0]</c> (0-based) of the tuple <c>Operands[0]</c>: <c>result.Item2</c>.</summary>
    TupleItem,
    /// <summary>A <c>null</c> argument: an absent optional tensor (initial state, mask).</summary>
    Null,
    /// <summary>Something the shape checker does not understand; <c>Name</c> says what (empty: code that does not compile, which the compiler reports).</summary>
    Unsupported,
}

/// <summary>One expression of a forward body.</summary>
internal sealed record ForwardNode(
    ForwardNodeKind Kind,
    string Name,
    EquatableArray<ForwardNode> Operands,
    EquatableArray<HyperParameter> Arguments,
    SourceSpan Span,
    string Text);

/// <summary>Where an issue is reported.</summary>
internal enum IssueTargetKind
{
    /// <summary>The class name.</summary>
    Model,
    /// <summary>The <c>[Input]</c> attribute number <c>Index</c>; <c>Span</c>, when set, lies inside its shape text.</summary>
    Input,
    /// <summary>The attribute of layer number <c>Index</c>; its argument <c>Argument</c> when named.</summary>
    Layer,
    /// <summary>The declared type of layer property number <c>Index</c>.</summary>
    LayerType,
    /// <summary>The <c>[Forward]</c> method's name.</summary>
    Forward,
    /// <summary>Code inside the <c>[Forward]</c> method, at <c>Span</c> from the method's start.</summary>
    ForwardCode,
}

/// <summary>Where an issue points.</summary>
internal sealed record IssueTarget(IssueTargetKind Kind, int Index, string? Argument, SourceSpan Span)
{
    public static IssueTarget Model { get; } = new(IssueTargetKind.Model, 0, null, SourceSpan.None);

    public static IssueTarget Forward { get; } = new(IssueTargetKind.Forward, 0, null, SourceSpan.None);

    public static IssueTarget Code(SourceSpan span) => new(IssueTargetKind.ForwardCode, 0, null, span);

    public static IssueTarget Layer(int index, string? argument = null) => new(IssueTargetKind.Layer, index, argument, SourceSpan.None);
}

/// <summary>A problem in a model: a catalog id, where, and the message's arguments.</summary>
internal sealed record ModelIssue(string Id, IssueTarget Target, EquatableArray<string> MessageArguments)
{
    /// <summary>Facts a code fix needs (the diagnostic's properties), as name-value strings; usually none.</summary>
    public EquatableArray<IssueProperty> Properties { get; init; }

    public static ModelIssue Create(string id, IssueTarget target, params string[] messageArguments) =>
        new(id, target, new EquatableArray<string>(messageArguments));
}

/// <summary>One property of an issue's diagnostic: what a code fix reads.</summary>
internal sealed record IssueProperty(string Name, string Value);
