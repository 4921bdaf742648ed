using System;

namespace ModelGen;

/// <summary>
/// Thrown by a generated model's entry guard when an input's shape does not match the declared
/// symbolic shape, before any layer runs, so the message names the model and the input rather
/// than a libtorch kernel.
/// </summary>
public sealed class ModelInputShapeException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="input"/> of <paramref name="model"/>.</summary>
    public ModelInputShapeException(string model, string input, string expected, long[] actual, string reason)
        : base($"{model}: input '{input}' must have shape [{expected}] but has shape [{string.Join(", ", actual)}]: {reason}.", input)
    {
        Model = model;
        Input = input;
        Expected = expected;
        Actual = actual;
        Reason = reason;
    }

    /// <summary>The model whose entry rejected the input.</summary>
    public string Model { get; }

    /// <summary>The input's declared name.</summary>
    public string Input { get; }

    /// <summary>The declared symbolic shape, such as <c>N, 1, 28, 28</c>.</summary>
    public string Expected { get; }

    /// <summary>The shape the input had.</summary>
    public long[] Actual { get; }

    /// <summary>Which condition failed, such as <c>dimension 1 must be 1</c>.</summary>
    public string Reason { get; }
}
