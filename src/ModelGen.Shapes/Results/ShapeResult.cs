using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>The outcome of a tensor operation's shape rule: an output shape with run-time requirements, or an error.</summary>
public sealed class ShapeResult
{
    private static readonly IReadOnlyList<DimRequirement> NoRequirements = Array.Empty<DimRequirement>();

    private ShapeResult(Shape? output, ShapeError? error, IReadOnlyList<DimRequirement> requirements)
    {
        Output = output;
        Error = error;
        Requirements = requirements;
    }

    /// <summary>True when the operation is valid; then <see cref="Output"/> is set.</summary>
    public bool Success => Error is null;

    /// <summary>The output shape, or null on failure.</summary>
    public Shape? Output { get; }

    /// <summary>Why the operation is invalid, or null on success.</summary>
    public ShapeError? Error { get; }

    /// <summary>Conditions to check at run time for the output to be right (empty on failure).</summary>
    public IReadOnlyList<DimRequirement> Requirements { get; }

    /// <summary>A success.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeResult Ok(Shape output, params DimRequirement[] requirements)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }
        return new ShapeResult(output, null, Copy(requirements));
    }

    /// <summary>A success with a list of requirements.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ShapeResult Ok(Shape output, IEnumerable<DimRequirement> requirements)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }
        return new ShapeResult(output, null, Copy(requirements));
    }

    /// <summary>A failure.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static ShapeResult Fail(ShapeError error) =>
        new ShapeResult(null, error ?? throw new ArgumentNullException(nameof(error)), NoRequirements);

    /// <summary>The output shape (and requirements), or the error.</summary>
    public override string ToString() => Success
        ? Output + (Requirements.Count == 0 ? string.Empty : " where " + string.Join("; ", Requirements))
        : Error!.ToString();

    internal static IReadOnlyList<DimRequirement> Copy(IEnumerable<DimRequirement>? requirements)
    {
        if (requirements is null)
        {
            return NoRequirements;
        }
        var list = new List<DimRequirement>();
        foreach (var requirement in requirements)
        {
            list.Add(requirement ?? throw new ArgumentNullException(nameof(requirements), "A requirement is null."));
        }
        return list.Count == 0 ? NoRequirements : list.AsReadOnly();
    }
}
