using System;

namespace ModelGen.Shapes;

/// <summary>
/// Parses the symbolic shape text of a model input, such as <c>"N, 1, 28, 28"</c>, <c>"N, T, 128"</c>,
/// <c>"N, filters * 4"</c> or <c>"N, (H - 1) / 2"</c>.
/// </summary>
/// <remarks>
/// Dimensions are comma-separated, outermost first; the whole list may be enclosed in <c>[ ]</c> (as
/// <see cref="Shape.ToString"/> writes it). Each dimension is a positive integer literal, a name
/// <c>[A-Za-z_][A-Za-z0-9_]*</c>, or an expression of those with <c>+</c>, <c>-</c>, <c>*</c>,
/// <c>/</c> (floor division by a positive integer constant) and parentheses, with the usual
/// precedence and left associativity. A dimension whose value is a constant must be positive.
/// Invalid text never throws: the error says what is wrong and where.
/// </remarks>
public static class ShapeText
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ShapeTextResult Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }
        return new ShapeTextParser(text).Parse();
    }
}
