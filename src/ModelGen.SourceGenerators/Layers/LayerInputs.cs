using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>
/// What a layer is called with: one entry per argument, a tensor's shape, a tuple of shapes (an LSTM's
/// initial (h0, c0)), or absent (<c>null</c> for an optional mask or state).
/// </summary>
internal sealed class LayerInputs
{
    private readonly IReadOnlyList<IReadOnlyList<Shape>?> _arguments;
    private readonly IReadOnlyList<bool> _integers;

    /// <param name="arguments">Each argument's shape(s), or null when absent.</param>
    /// <param name="integers">Whether each argument holds integer ids rather than real values.</param>
    public LayerInputs(IReadOnlyList<IReadOnlyList<Shape>?> arguments, IReadOnlyList<bool> integers)
    {
        _arguments = arguments;
        _integers = integers;
    }

    public static LayerInputs Single(Shape input, bool integer) => new(new[] { new[] { input } }, new[] { integer });

    public bool IsInteger(int index) => index < _integers.Count && _integers[index];

    public int Count => _arguments.Count;

    public bool IsAbsent(int index) => index >= _arguments.Count || _arguments[index] is null;

    /// <summary>The tensor argument at <paramref name="index"/>, or null when absent or a tuple.</summary>
    public Shape? Tensor(int index) => IsAbsent(index) || _arguments[index]!.Count != 1 ? null : _arguments[index]![0];

    /// <summary>The tuple argument at <paramref name="index"/>, or null when absent.</summary>
    public IReadOnlyList<Shape>? Tuple(int index) => IsAbsent(index) ? null : _arguments[index];

    public override string ToString() => string.Join(", ", _arguments.Select(a => a is null ? "null" : a.Count == 1 ? a[0].ToString() : "(" + string.Join(", ", a) + ")"));
}

/// <summary>
/// A layer applied: the rule's result (inferred sizes, parameters, requirements; its <c>Output</c> is the
/// main output) and, for a layer that returns a tuple, every element of it.
/// </summary>
internal sealed class LayerApplication
{
    public LayerApplication(LayerResult result, IReadOnlyList<Shape>? tuple = null)
    {
        Result = result;
        Tuple = tuple;
    }

    public LayerResult Result { get; }

    public IReadOnlyList<Shape>? Tuple { get; }
}
