namespace ModelGen.Shapes;

/// <summary>The outcome of <see cref="ShapeText.Parse"/>: a shape, or an error with its position.</summary>
public sealed class ShapeTextResult
{
    private ShapeTextResult(Shape? shape, ShapeTextError? error)
    {
        Shape = shape;
        Error = error;
    }

    /// <summary>The parsed shape, or null on failure.</summary>
    public Shape? Shape { get; }

    /// <summary>Why the text is invalid, or null on success.</summary>
    public ShapeTextError? Error { get; }

    /// <summary>True when the text parsed; then <see cref="Shape"/> is set.</summary>
    public bool Success => Error is null;

    internal static ShapeTextResult Ok(Shape shape) => new ShapeTextResult(shape, null);

    internal static ShapeTextResult Fail(ShapeTextError error) => new ShapeTextResult(null, error);

    /// <summary>The shape, or the error.</summary>
    public override string ToString() => Success ? Shape!.ToString() : Error!.ToString();
}
