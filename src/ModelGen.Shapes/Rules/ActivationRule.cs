using System;

namespace ModelGen.Shapes;

/// <summary>The elementwise activations, which keep the shape.</summary>
public enum ActivationKind
{
    /// <summary><c>torch.nn.ReLU</c>.</summary>
    ReLU,

    /// <summary><c>torch.nn.LeakyReLU</c>.</summary>
    LeakyReLU,

    /// <summary><c>torch.nn.Sigmoid</c>.</summary>
    Sigmoid,

    /// <summary><c>torch.nn.Tanh</c>.</summary>
    Tanh,

    /// <summary><c>torch.nn.GELU</c>.</summary>
    GELU,
}

/// <summary>Options of an elementwise activation.</summary>
public sealed class ActivationOptions
{
    /// <summary>Creates the options.</summary>
    public ActivationOptions(ActivationKind kind) => Kind = kind;

    /// <summary>Which activation.</summary>
    public ActivationKind Kind { get; init; }

    /// <summary>LeakyReLU's slope below zero (default 0.01); no effect on the shape.</summary>
    public double NegativeSlope { get; init; } = 0.01;
}

/// <summary>
/// The shape rule for the elementwise activations (ReLU, LeakyReLU, Sigmoid, Tanh, GELU): any shape,
/// including a scalar, unchanged. No parameters.
/// </summary>
public static class ActivationRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not a defined <see cref="ActivationKind"/>.</exception>
    public static LayerResult Apply(Shape input, ActivationOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        if (options.Kind < ActivationKind.ReLU || options.Kind > ActivationKind.GELU)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown activation kind.");
        }
        return LayerResult.Ok(input, Dim.Zero);
    }
}
