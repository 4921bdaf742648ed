using System;

namespace ModelGen.Shapes;

/// <summary>A shape rule's rejection: what went wrong, in words that state the shapes or values involved.</summary>
public sealed class ShapeError
{
    /// <summary>Creates an error.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public ShapeError(ShapeErrorKind kind, string message, string? argument = null)
    {
        Kind = kind;
        Message = message ?? throw new ArgumentNullException(nameof(message));
        Argument = argument;
    }

    /// <summary>The category of the error.</summary>
    public ShapeErrorKind Kind { get; }

    /// <summary>A complete sentence, such as <c>kernel 5 is larger than the padded input height 3</c>.</summary>
    public string Message { get; }

    /// <summary>
    /// The hyperparameter or operand at fault, so a diagnostic can point at it: a layer attribute's
    /// argument (<c>Kernel</c>, <c>Stride</c>, <c>Padding</c>, <c>OutputPadding</c>, <c>Dilation</c>,
    /// <c>Groups</c>, <c>OutChannels</c>, <c>HiddenSize</c>, <c>NumLayers</c>, <c>EmbedDim</c>,
    /// <c>NumHeads</c>, <c>NumEmbeddings</c>, <c>EmbeddingDim</c>, <c>PaddingIdx</c>, <c>MaxLength</c>, ...),
    /// an inferred PyTorch size (<c>in_features</c>, <c>in_channels</c>, <c>num_features</c>,
    /// <c>input_size</c>, <c>kdim</c>, <c>vdim</c>), an extra input of a layer (<c>query</c>, <c>key</c>,
    /// <c>value</c>, <c>h_0</c>, <c>c_0</c>, <c>key_padding_mask</c>, <c>attn_mask</c>), or an operand or
    /// argument of a tensor function (<c>input</c> when the (first) input's shape as a whole is at fault,
    /// <c>other</c>, <c>dim</c>, <c>dims</c>, <c>shape</c>, <c>tensors</c>, <c>index</c>, <c>start</c>,
    /// <c>length</c>, <c>step</c>). Null only when an error was built without one.
    /// </summary>
    public string? Argument { get; }

    /// <summary><c>Kind: Message</c>, plus the argument when there is one.</summary>
    public override string ToString() => Argument is null ? $"{Kind}: {Message}" : $"{Kind} ({Argument}): {Message}";
}
