using System;

namespace ModelGen.Shapes;

/// <summary>Options of <c>torch.nn.Softmax</c> and <c>torch.nn.LogSoftmax</c>.</summary>
public sealed class SoftmaxOptions
{
    /// <summary>Creates the options.</summary>
    public SoftmaxOptions(long dim = -1) => Dim = dim;

    /// <summary>The dimension normalised; negative counts from the end.</summary>
    public long Dim { get; init; }

    /// <summary>True for LogSoftmax; no effect on the shape.</summary>
    public bool Log { get; init; }
}

/// <summary>
/// The shape rule for <c>torch.nn.Softmax</c> and <c>torch.nn.LogSoftmax</c>: any shape, unchanged;
/// dim must be in [-rank, rank - 1] (a scalar accepts -1 and 0). No parameters.
/// </summary>
public static class SoftmaxRule
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LayerResult Apply(Shape input, SoftmaxOptions options)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }
        string op = options.Log ? "LogSoftmax" : "Softmax";
        if (Axis.Wrap(options.Dim, input.Rank) is null)
        {
            return LayerResult.Fail(Axis.OutOfRange(op, "dim", options.Dim, input, "Dim"));
        }
        return LayerResult.Ok(input, ModelGen.Shapes.Dim.Zero);
    }
}
