using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>
/// Decides a rule's conditions where it can and collects the rest as run-time requirements:
/// provably true is dropped, provably false is an error, anything else is a <see cref="DimRequirement"/>.
/// </summary>
internal sealed class Constraints
{
    private readonly List<DimRequirement> _requirements = new List<DimRequirement>();

    public IReadOnlyList<DimRequirement> Requirements => _requirements;

    /// <summary><paramref name="value"/> &gt;= <paramref name="minimum"/>.</summary>
    public ShapeError? AtLeast(Dim value, Dim minimum, string reason, Func<ShapeError> whenFalse)
    {
        if (Bounds.ProvablyAtLeast(value, minimum))
        {
            return null;
        }
        if (Bounds.ProvablyLess(value, minimum))
        {
            return whenFalse();
        }
        // The same condition for two reasons (kernel height and width both K), or written two ways
        // (T >= 1 and T - 1 >= 0), is checked once.
        var difference = value - minimum;
        foreach (var existing in _requirements)
        {
            if ((existing.Value - existing.Minimum).Equals(difference))
            {
                return null;
            }
        }
        _requirements.Add(new DimRequirement(value, minimum, reason));
        return null;
    }

    /// <summary>
    /// <paramref name="divisor"/> divides <paramref name="value"/>, written as
    /// <c>divisor * (value / divisor) &gt;= value</c> so that it fits <see cref="DimRequirement"/>.
    /// </summary>
    public ShapeError? DivisibleBy(Dim value, long divisor, string reason, Func<ShapeError> whenFalse) =>
        AtLeast(divisor * Dim.FloorDiv(value, divisor), value, reason, whenFalse);

    /// <summary>
    /// A hyperparameter that must be at least <paramref name="minimum"/>: an
    /// <see cref="ShapeErrorKind.InvalidHyperparameter"/> error when it provably is not, a requirement when symbolic.
    /// </summary>
    public ShapeError? HyperparameterAtLeast(string op, string what, Dim value, long minimum, string argument)
    {
        string bound = minimum == 0 ? "must not be negative" : "must be at least " + minimum.ToString(CultureInfo.InvariantCulture);
        return AtLeast(
            value,
            minimum,
            $"{op}: {what} {bound}",
            () => new ShapeError(ShapeErrorKind.InvalidHyperparameter, $"{op}: {what} {bound} but is {value}", argument));
    }

    /// <summary>
    /// Equality of two sizes: Equal passes; NotEqual and Unknown are <see cref="ShapeErrorKind.DimMismatch"/>
    /// errors, because a <see cref="DimRequirement"/> states only <c>&gt;=</c> and the engine does not
    /// guess that two different expressions agree at run time.
    /// </summary>
    public static ShapeError? Equal(Dim a, Dim b, string differMessage, string unknownMessage, string argument, ShapeErrorKind kind = ShapeErrorKind.DimMismatch)
    {
        switch (Dim.Relate(a, b))
        {
            case DimRelation.Equal:
                return null;
            case DimRelation.NotEqual:
                return new ShapeError(kind, differMessage, argument);
            default:
                return new ShapeError(kind, unknownMessage, argument);
        }
    }

    /// <summary>
    /// A hyperparameter that divides an output size, so it must be a compile-time constant: the
    /// canonical form only divides by constants.
    /// </summary>
    public static ShapeError? Constant(string op, string what, Dim value, string argument, out long constant)
    {
        if (value.ConstantValue is long c)
        {
            constant = c;
            return null;
        }
        constant = 0;
        return new ShapeError(
            ShapeErrorKind.CannotInfer,
            $"{op}: {what} must be a compile-time constant (output sizes are divided by it) but is {value}",
            argument);
    }
}
