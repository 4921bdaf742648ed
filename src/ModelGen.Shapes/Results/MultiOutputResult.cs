using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// The outcome of a layer whose forward returns a tuple of tensors (<see cref="RecurrentResult"/> for
/// RNN, LSTM and GRU; <see cref="MultiheadAttentionResult"/>). <see cref="Layer"/> describes the layer
/// as a single-output rule would, with the primary output (the one a model passes on) as its output:
/// success or error, requirements, inferred sizes and parameters are there. <see cref="Outputs"/> lists
/// every element of the tuple in torch's order, the primary one first; <see cref="OptionalInputs"/> the
/// shapes that the forward's optional extra inputs (initial states, masks) must have.
/// </summary>
public abstract class MultiOutputResult
{
    private static readonly IReadOnlyList<NamedShape> None = Array.Empty<NamedShape>();

    private protected MultiOutputResult(LayerResult layer, IReadOnlyList<NamedShape>? outputs, IReadOnlyList<NamedShape>? optionalInputs)
    {
        Layer = layer ?? throw new ArgumentNullException(nameof(layer));
        if (layer.Success)
        {
            if (outputs is null || outputs.Count == 0 || !outputs[0].Shape.Equals(layer.Output))
            {
                throw new ArgumentException("The first output must be the layer's primary output.", nameof(outputs));
            }
            Outputs = Copy(outputs, nameof(outputs));
            OptionalInputs = Copy(optionalInputs, nameof(optionalInputs));
        }
        else
        {
            Outputs = None;
            OptionalInputs = None;
        }
    }

    /// <summary>The layer's result for its primary output, with its error, requirements, inferred sizes and parameters.</summary>
    public LayerResult Layer { get; }

    /// <summary>True when the layer accepts its inputs; then every output is set.</summary>
    public bool Success => Layer.Success;

    /// <summary>Why the layer rejects its inputs or hyperparameters, or null on success.</summary>
    public ShapeError? Error => Layer.Error;

    /// <summary>The primary output's shape (the first element of the tuple), or null on failure.</summary>
    public Shape? Output => Layer.Output;

    /// <summary>Conditions to check at run time for every output to be right (empty on failure).</summary>
    public IReadOnlyList<DimRequirement> Requirements => Layer.Requirements;

    /// <summary>The number of learnable parameters, as <see cref="LayerResult.Parameters"/>.</summary>
    public Dim Parameters => Layer.Parameters;

    /// <summary>Every element of the output tuple in torch's order, the primary output first (empty on failure).</summary>
    public IReadOnlyList<NamedShape> Outputs { get; }

    /// <summary>
    /// The shape each optional extra input of the forward must have for these inputs, such as
    /// <c>h_0</c> or <c>attn_mask</c>, so a caller can check one it passes (empty on failure).
    /// </summary>
    public IReadOnlyList<NamedShape> OptionalInputs { get; }

    /// <summary>The output named <paramref name="name"/> (ordinal comparison), or null when there is none.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public Shape? OutputNamed(string name) => Find(Outputs, name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>The shape the optional input named <paramref name="name"/> must have, or null when there is none.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public Shape? OptionalInputNamed(string name) => Find(OptionalInputs, name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>The named outputs, parameter count and requirements, or the error.</summary>
    public override string ToString() => Success
        ? "(" + string.Join(", ", Outputs) + $") ({Parameters} parameters)" + (Requirements.Count == 0 ? string.Empty : " where " + string.Join("; ", Requirements))
        : Error!.ToString();

    private static Shape? Find(IReadOnlyList<NamedShape> shapes, string name)
    {
        foreach (var shape in shapes)
        {
            if (string.Equals(shape.Name, name, StringComparison.Ordinal))
            {
                return shape.Shape;
            }
        }
        return null;
    }

    private static IReadOnlyList<NamedShape> Copy(IReadOnlyList<NamedShape>? shapes, string parameter)
    {
        if (shapes is null || shapes.Count == 0)
        {
            return None;
        }
        var copy = new NamedShape[shapes.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = shapes[i] ?? throw new ArgumentNullException(parameter, $"Shape {i} is null.");
        }
        return Array.AsReadOnly(copy);
    }
}
