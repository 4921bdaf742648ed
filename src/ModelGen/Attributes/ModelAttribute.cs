using System;

namespace ModelGen;

/// <summary>
/// Makes a partial class a TorchSharp module whose constructor, forward pass, entry guard,
/// summary and training step are generated. Layers are the class's attributed partial
/// properties; they run in declaration order unless a method is marked <see cref="ForwardAttribute"/>.
/// </summary>
/// <remarks>
/// Model parameters (for a block written once and built at several widths) are the parameters of
/// the class's primary constructor; a layer hyperparameter or an input dimension refers to one by name.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModelAttribute : Attribute
{
}

/// <summary>
/// Declares one input of a model and its symbolic shape, such as <c>"N, 1, 28, 28"</c>:
/// integers are fixed sizes, names are sizes known only at run time (checked for consistency
/// across inputs at the model's entry) or the names of model parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Declares an input.</summary>
    /// <param name="name">The input's name, used in messages and as the forward parameter's name.</param>
    /// <param name="shape">Comma-separated dimensions, outermost first.</param>
    public InputAttribute(string name, string shape)
    {
        Name = name;
        Shape = shape;
    }

    /// <summary>The input's name.</summary>
    public string Name { get; }

    /// <summary>The symbolic shape text.</summary>
    public string Shape { get; }

    /// <summary>
    /// The element type the input must have, checked at the model's entry; <c>Int64</c> for token ids fed
    /// to an Embedding. Float32 by default.
    /// </summary>
    public TorchSharp.torch.ScalarType DType { get; set; } = TorchSharp.torch.ScalarType.Float32;
}

/// <summary>
/// Marks the method that wires a model's layers by hand (residual connections, several inputs).
/// It is ordinary C#: the generator does not rewrite it, it checks its shapes and calls it from
/// the generated <c>forward</c> after the entry guard.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ForwardAttribute : Attribute
{
}
