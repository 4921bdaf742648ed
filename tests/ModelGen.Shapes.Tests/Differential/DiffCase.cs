using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential;

/// <summary>
/// One random configuration of one op: the concrete input sizes, how the engine and how TorchSharp
/// compute it, and symbolic versions of the inputs whose symbols are bound to those sizes.
/// </summary>
internal sealed class DiffCase
{
    public required string Description { get; init; }

    /// <summary>Concrete input sizes; TorchSharp gets zero tensors of these shapes unless <see cref="CreateInput"/> says otherwise.</summary>
    public required long[][] Inputs { get; init; }

    /// <summary>
    /// The tensor for input i of the given sizes, when float32 zeros will not do (integer indices, boolean
    /// masks, random values, float64); null for zeros everywhere.
    /// </summary>
    public Func<int, long[], torch.Tensor>? CreateInput { get; init; }

    /// <summary>The engine's rule on (possibly symbolic) input shapes.</summary>
    public required Func<Shape[], EngineOutcome> Engine { get; init; }

    /// <summary>The real module or op on the input tensors: its output tensor(s) and its parameter count. May throw.</summary>
    public required Func<torch.Tensor[], TorchResult> Torch { get; init; }

    /// <summary>Symbolic versions of the inputs, each with the values of its symbols.</summary>
    public List<SymbolicVariant> Variants { get; } = new();

    /// <summary>
    /// True only where a documented engine choice may reject a symbolic input at run time that torch
    /// accepts (squeeze keeps a symbolic dim and requires it to be at least 2).
    /// </summary>
    public bool SymbolicMayOverReject { get; init; }

    /// <summary>
    /// Set when libtorch, as TorchSharp 0.107 reaches it, accepts a configuration that PyTorch rejects (a
    /// check TorchSharp's module or libtorch's C++ function lacks); says which. The engine must reject it
    /// as PyTorch does, and torch must accept it, so the documented difference is checked too.
    /// </summary>
    public string? TorchQuirk { get; init; }

    public DiffCase With(string name, Shape[] shapes, params (string Name, long Value)[] binding) =>
        WithEngine(name, null, shapes, binding);

    /// <summary>
    /// A variant whose engine call differs from <see cref="Engine"/>, for hyperparameters written as symbols
    /// (bound, like the input's symbols, to the concrete values torch gets).
    /// </summary>
    public DiffCase WithEngine(string name, Func<Shape[], EngineOutcome>? engine, Shape[] shapes, params (string Name, long Value)[] binding)
    {
        var values = new Dictionary<string, long>();
        foreach (var (symbol, value) in binding)
        {
            values[symbol] = value;
        }
        Variants.Add(new SymbolicVariant(name, shapes, values, engine));
        return this;
    }
}

internal sealed record SymbolicVariant(string Name, Shape[] Shapes, IReadOnlyDictionary<string, long> Binding, Func<Shape[], EngineOutcome>? Engine = null);

/// <summary>What a torch module or op returned: its output tensor(s), in order, and its parameter count.</summary>
internal sealed record TorchResult(torch.Tensor[] Outputs, long Parameters)
{
    public static implicit operator TorchResult((torch.Tensor Output, long Parameters) r) => new(new[] { r.Output }, r.Parameters);
}

/// <summary>A <see cref="LayerResult"/>, <see cref="ShapeResult"/> or <see cref="MultiOutputResult"/>, as the checker needs it.</summary>
internal sealed record EngineOutcome(bool Success, IReadOnlyList<Shape> Outputs, Dim Parameters, IReadOnlyList<DimRequirement> Requirements, ShapeError? Error)
{
    public static implicit operator EngineOutcome(LayerResult r) => new(r.Success, r.Success ? new[] { r.Output! } : Array.Empty<Shape>(), r.Parameters, r.Requirements, r.Error);

    public static implicit operator EngineOutcome(ShapeResult r) => new(r.Success, r.Success ? new[] { r.Output! } : Array.Empty<Shape>(), Dim.Zero, r.Requirements, r.Error);

    public static implicit operator EngineOutcome(MultiOutputResult r) => new(r.Success, r.Outputs.Select(o => o.Shape).ToArray(), r.Parameters, r.Requirements, r.Error);
}
