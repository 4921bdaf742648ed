namespace ModelGen.Shapes;

/// <summary>Why a shape rule rejected its input or hyperparameters.</summary>
public enum ShapeErrorKind
{
    /// <summary>The input has the wrong number of dimensions, such as a 2-d input to Conv2d.</summary>
    RankMismatch,

    /// <summary>Two sizes that must be equal are provably different, or cannot be proved equal.</summary>
    DimMismatch,

    /// <summary>Two shapes cannot be broadcast together.</summary>
    NotBroadcastable,

    /// <summary>A reshape or unflatten whose element counts differ (or cannot be proved equal).</summary>
    ElementCountMismatch,

    /// <summary>A hyperparameter is out of range or inconsistent with the input (kernel larger than the input, groups not dividing the channels, ...).</summary>
    InvalidHyperparameter,

    /// <summary>A dimension index (axis) is out of range or repeated.</summary>
    InvalidDimension,

    /// <summary>The result cannot be expressed symbolically (for example a symbolic stride).</summary>
    CannotInfer,
}
