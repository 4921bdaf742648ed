using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace ModelGen.Shapes;

/// <summary>
/// The outcome of a layer's shape rule: the output shape, the sizes the layer takes from its input,
/// its parameter count and run-time requirements; or an error.
/// </summary>
public sealed class LayerResult
{
    private static readonly IReadOnlyDictionary<string, Dim> NothingInferred =
        new ReadOnlyDictionary<string, Dim>(new Dictionary<string, Dim>());

    private LayerResult(Shape? output, ShapeError? error, IReadOnlyList<DimRequirement> requirements, IReadOnlyDictionary<string, Dim> inferred, Dim parameters)
    {
        Output = output;
        Error = error;
        Requirements = requirements;
        Inferred = inferred;
        Parameters = parameters;
    }

    /// <summary>True when the layer accepts its input; then <see cref="Output"/> is set.</summary>
    public bool Success => Error is null;

    /// <summary>The output shape, or null on failure.</summary>
    public Shape? Output { get; }

    /// <summary>Why the layer rejects its input or hyperparameters, or null on success.</summary>
    public ShapeError? Error { get; }

    /// <summary>Conditions to check at run time for the output to be right (empty on failure).</summary>
    public IReadOnlyList<DimRequirement> Requirements { get; }

    /// <summary>
    /// The constructor sizes the layer takes from its input, under PyTorch's argument names:
    /// Linear <c>in_features</c>; Conv1d/Conv2d/ConvTranspose2d <c>in_channels</c>; BatchNorm1d/2d
    /// <c>num_features</c>; LayerNorm <c>normalized_shape_0</c> .. <c>normalized_shape_{k-1}</c>; RNN, LSTM
    /// and GRU <c>input_size</c>; MultiheadAttention <c>kdim</c> and <c>vdim</c>. Empty for layers that
    /// take nothing from their input, and on failure.
    /// </summary>
    public IReadOnlyDictionary<string, Dim> Inferred { get; }

    /// <summary>
    /// The number of learnable parameters, as PyTorch counts <c>sum(p.numel() for p in m.parameters())</c>
    /// (buffers such as BatchNorm's running statistics excluded); symbolic when sizes are. 0 on failure.
    /// </summary>
    public Dim Parameters { get; }

    /// <summary>A success.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="parameters"/> is null.</exception>
    public static LayerResult Ok(Shape output, Dim parameters, IReadOnlyDictionary<string, Dim>? inferred = null, IEnumerable<DimRequirement>? requirements = null)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }
        var copy = NothingInferred;
        if (inferred is not null && inferred.Count != 0)
        {
            var sorted = new SortedDictionary<string, Dim>(StringComparer.Ordinal);
            foreach (var pair in inferred)
            {
                sorted.Add(pair.Key, pair.Value ?? throw new ArgumentNullException(nameof(inferred), $"Inferred size '{pair.Key}' is null."));
            }
            copy = new ReadOnlyDictionary<string, Dim>(sorted);
        }
        return new LayerResult(output, null, ShapeResult.Copy(requirements), copy, parameters);
    }

    /// <summary>A failure.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static LayerResult Fail(ShapeError error) =>
        new LayerResult(null, error ?? throw new ArgumentNullException(nameof(error)), ShapeResult.Copy(null), NothingInferred, Dim.Zero);

    /// <summary>The output shape, parameter count and requirements, or the error.</summary>
    public override string ToString() => Success
        ? $"{Output} ({Parameters} parameters)" + (Requirements.Count == 0 ? string.Empty : " where " + string.Join("; ", Requirements))
        : Error!.ToString();
}
