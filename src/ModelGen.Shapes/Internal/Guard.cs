using System;

namespace ModelGen.Shapes;

/// <summary>Turns arithmetic overflow on absurd sizes into an error, since bad input must never throw.</summary>
internal static class Guard
{
    public static LayerResult Layer(string op, Func<LayerResult> rule)
    {
        try
        {
            return rule();
        }
        catch (OverflowException)
        {
            return LayerResult.Fail(Overflow(op));
        }
    }

    public static ShapeResult Op(string op, Func<ShapeResult> rule)
    {
        try
        {
            return rule();
        }
        catch (OverflowException)
        {
            return ShapeResult.Fail(Overflow(op));
        }
    }

    private static ShapeError Overflow(string op) =>
        new ShapeError(ShapeErrorKind.CannotInfer, $"{op}: a size or parameter count does not fit in a 64-bit integer", "input");
}
