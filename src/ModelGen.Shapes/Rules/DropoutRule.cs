using System;
using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>Options of <c>torch.nn.Dropout</c>.</summary>
public sealed class DropoutOptions
{
    /// <summary>Creates the options.</summary>
    public DropoutOptions(double p = 0.5) => P = p;

    /// <summary>The probability of zeroing an element; must be in [0, 1].</summary>
    public double P { get; init; }
}

/// <summary>The shape rule for <c>torch.nn.Dropout</c>: any shape, unchanged; p must be in [0, 1]. No parameters.</summary>
public static class DropoutRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, DropoutOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        // Written so that NaN fails too.
        if (!(options.P >= 0 && options.P <= 1))
        {
            return LayerResult.Fail(new ShapeError(
                ShapeErrorKind.InvalidHyperparameter,
                $"Dropout: the probability p must be between 0 and 1 but is {options.P.ToString("R", CultureInfo.InvariantCulture)}",
                "P"));
        }
        return LayerResult.Ok(input, Dim.Zero);
    }
}
