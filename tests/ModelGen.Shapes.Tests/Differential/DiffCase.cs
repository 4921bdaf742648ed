using System;
using System.Collections.Generic;
using TorchSharp;

namespace ModelGen.Shapes.Tests.Differential;

/// <summary>
/// One random configuration of one op: the concrete input sizes, how the engine and how TorchSharp
/// compute it, and symbolic versions of the inputs whose symbols are bound to those sizes.
/// </summary>
internal sealed class DiffCase
{
    public required string Description { get; init; }

    /// <summary>Concrete input sizes; TorchSharp gets zero tensors of these shapes.</summary>
    public required long[][] Inputs { get; init; }

    /// <summary>The engine's rule on (possibly symbolic) input shapes.</summary>
    public required Func<Shape[], EngineOutcome> Engine { get; init; }

    /// <summary>The real module or op on the input tensors: its output and its parameter count. May throw.</summary>
    public required Func<torch.Tensor[], (torch.Tensor Output, long Parameters)> Torch { get; init; }

    /// <summary>Symbolic versions of the inputs, each with the values of its symbols.</summary>
    public List<SymbolicVariant> Variants { get; } = new();

    /// <summary>
    /// True only where a documented engine choice may reject a symbolic input at run time that torch
    /// accepts (squeeze keeps a symbolic dim and requires it to be at least 2).
    /// </summary>
    public bool SymbolicMayOverReject { get; init; }

    public DiffCase With(string name, Shape[] shapes, params (string Name, long Value)[] binding)
    {
        var values = new Dictionary<string, long>();
        foreach (var (symbol, value) in binding)
        {
            values[symbol] = value;
        }
        Variants.Add(new SymbolicVariant(name, shapes, values));
        return this;
    }
}

internal sealed record SymbolicVariant(string Name, Shape[] Shapes, IReadOnlyDictionary<string, long> Binding);

/// <summary>A <see cref="LayerResult"/> or <see cref="ShapeResult"/>, as the checker needs it.</summary>
internal sealed record EngineOutcome(bool Success, Shape? Output, Dim Parameters, IReadOnlyList<DimRequirement> Requirements, ShapeError? Error)
{
    public static implicit operator EngineOutcome(LayerResult r) => new(r.Success, r.Output, r.Parameters, r.Requirements, r.Error);

    public static implicit operator EngineOutcome(ShapeResult r) => new(r.Success, r.Output, Dim.Zero, r.Requirements, r.Error);
}
