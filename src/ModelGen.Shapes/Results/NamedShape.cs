using System;

namespace ModelGen.Shapes;

/// <summary>
/// A shape under the name PyTorch gives the tensor: an element of a layer's output tuple (<c>output</c>,
/// <c>h_n</c>, <c>attn_output_weights</c>) or an optional extra input of its forward (<c>h_0</c>,
/// <c>attn_mask</c>).
/// </summary>
public sealed class NamedShape
{
    /// <summary>Creates a named shape.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public NamedShape(string name, Shape shape)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Shape = shape ?? throw new ArgumentNullException(nameof(shape));
    }

    /// <summary>PyTorch's name for the tensor, such as <c>h_n</c>.</summary>
    public string Name { get; }

    /// <summary>The tensor's shape.</summary>
    public Shape Shape { get; }

    /// <summary><c>h_n [2, N, 16]</c>.</summary>
    public override string ToString() => Name + " " + Shape;
}
