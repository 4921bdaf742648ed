using System;

namespace ModelGen;

/// <summary>
/// Declares a hyperparameter of a model on a get-only partial property, such as
/// <c>[Hyperparameter] public partial int Filters { get; }</c>. The generated constructor takes one
/// argument per hyperparameter, in declaration order. Layer attributes refer to an integer
/// hyperparameter by name (<c>[Conv2d(nameof(Filters))]</c>, or an expression such as <c>"Filters * 4"</c>)
/// and so can input shapes (<c>[Input("x", "N, InChannels, H, W")]</c>): a hyperparameter that an input
/// dimension names is inferred from the incoming shape when the model is used as a <see cref="SubmodelAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class HyperparameterAttribute : Attribute
{
    /// <summary>The default value, making the constructor argument optional; null for a required one.</summary>
    public object? Default { get; set; }
}

/// <summary>
/// A layer that is another <see cref="ModelAttribute"/> class: <c>[Submodel(128)] public partial DownsampleBlock Stage2 { get; }</c>.
/// The arguments give the submodel's hyperparameters that its input shape does not determine, in
/// declaration order (integers, or names of this model's hyperparameters); trailing ones with defaults may be left out.
/// </summary>
public sealed class SubmodelAttribute : LayerAttribute
{
    /// <summary>Declares a submodel layer.</summary>
    public SubmodelAttribute(params object[] arguments) => Arguments = arguments;

    /// <summary>The given hyperparameters, in declaration order.</summary>
    public object[] Arguments { get; }
}

/// <summary>How a <see cref="ParameterAttribute"/> or <see cref="BufferAttribute"/> tensor starts.</summary>
public enum Init
{
    /// <summary>All zeros.</summary>
    Zeros,
    /// <summary>All ones.</summary>
    Ones,
    /// <summary>Standard normal values.</summary>
    Normal,
}

/// <summary>
/// A learnable tensor of a custom layer, on a get-only partial property of type <c>Parameter</c>, with
/// its shape written like an input shape over integers and hyperparameters: <c>[Parameter("NumFeatures", Init = Init.Ones)]</c>.
/// It is registered under the snake_case of the property name, as PyTorch names it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Declares a learnable tensor of the given shape.</summary>
    public ParameterAttribute(string shape) => Shape = shape;

    /// <summary>The tensor's shape.</summary>
    public string Shape { get; }

    /// <summary>Its initial values.</summary>
    public Init Init { get; set; } = Init.Zeros;
}

/// <summary>
/// A tensor a custom layer keeps but does not learn (running statistics), on a get-only partial
/// property of type <c>Tensor</c>: <c>[Buffer("NumFeatures", Init = Init.Ones)]</c>. It is part of the state dict.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class BufferAttribute : Attribute
{
    /// <summary>Declares a buffer of the given shape.</summary>
    public BufferAttribute(string shape) => Shape = shape;

    /// <summary>The tensor's shape.</summary>
    public string Shape { get; }

    /// <summary>Its initial values.</summary>
    public Init Init { get; set; } = Init.Zeros;
}

/// <summary>
/// Marks a layer (typically a pretrained [Submodel] backbone) whose parameters are not trained: they are
/// created with <c>requires_grad = false</c>, the summary counts them as non-trainable, and the generated
/// <c>TrainableParameters()</c>, which an optimizer should be given, leaves them out.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FrozenAttribute : Attribute
{
}

/// <summary>
/// Makes a sequential model of two [Submodel]s, a generator then a discriminator, a generative
/// adversarial network. Its forward scores generated samples (<c>D(G(noise))</c>, so the two are
/// shape-checked together); instead of a supervised <c>TrainStep</c> it gets <c>AdversarialStep</c>, which
/// alternates a discriminator update on real and detached generated samples with a generator update,
/// each with its own optimizer, and <c>Generate</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GanAttribute : Attribute
{
}
