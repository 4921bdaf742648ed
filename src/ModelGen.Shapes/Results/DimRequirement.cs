using System;

namespace ModelGen.Shapes;

/// <summary>
/// A condition <c>Value &gt;= Minimum</c> that a rule could not decide at compile time because it
/// involves symbols, such as <c>H &gt;= 3</c> for a 3x3 convolution over height H. The generator
/// checks it at the model's entry at run time. Conditions that are decidable are never requirements:
/// they are errors (when false) or nothing (when true).
/// </summary>
/// <remarks>
/// Divisibility is written in the same form: <c>g * (C / g) &gt;= C</c> holds exactly when g divides C,
/// because <c>g * floor(C / g)</c> is never more than C.
/// </remarks>
public sealed class DimRequirement : IEquatable<DimRequirement>
{
    /// <summary>Creates a requirement.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DimRequirement(Dim value, Dim minimum, string reason)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Minimum = minimum ?? throw new ArgumentNullException(nameof(minimum));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>The left side, usually built from the input's dimensions.</summary>
    public Dim Value { get; }

    /// <summary>The least allowed <see cref="Value"/>.</summary>
    public Dim Minimum { get; }

    /// <summary>Why the condition is needed, such as <c>Conv2d: the padded input height H must be at least the kernel height 3</c>.</summary>
    public string Reason { get; }

    /// <summary>Whether the requirement holds for concrete symbol values; null when a symbol is unbound.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public bool? IsSatisfied(System.Collections.Generic.IReadOnlyDictionary<string, long> values)
    {
        var value = Value.Evaluate(values);
        var minimum = Minimum.Evaluate(values);
        return value is long v && minimum is long m ? v >= m : null;
    }

    /// <summary>Same value, minimum and reason.</summary>
    public bool Equals(DimRequirement? other) =>
        other is not null && Value.Equals(other.Value) && Minimum.Equals(other.Minimum) && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <inheritdoc cref="Equals(DimRequirement)"/>
    public override bool Equals(object? obj) => obj is DimRequirement r && Equals(r);

    /// <summary>A hash that is the same in every process.</summary>
    public override int GetHashCode() =>
        StableHash.Combine(StableHash.Combine(Value.GetHashCode(), Minimum.GetHashCode()), StableHash.OfString(Reason));

    /// <summary><c>Value &gt;= Minimum (Reason)</c>.</summary>
    public override string ToString() => $"{Value} >= {Minimum} ({Reason})";
}
