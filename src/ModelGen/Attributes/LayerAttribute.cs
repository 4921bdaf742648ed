using System;

namespace ModelGen;

/// <summary>
/// Base of the attributes that declare a layer on a partial property of a <see cref="ModelAttribute"/> class.
/// Sizes that follow from the incoming shape (in_features, in_channels, num_features, ...) are never
/// written: the generator infers them.
/// </summary>
/// <remarks>
/// Size-like hyperparameters are typed <see cref="object"/> so that each accepts an integer constant
/// or the name of a model parameter (a primary-constructor parameter of the model class).
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public abstract class LayerAttribute : Attribute
{
}
