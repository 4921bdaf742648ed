using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>What a forward-body expression evaluates to: a tensor's shape, a size, a scalar or a list, and where it came from.</summary>
internal sealed class Value
{
    private Value(Shape? shape, Dim? dim, IReadOnlyList<Value>? items, IEnumerable<string> sources)
    {
        Shape = shape;
        Dim = dim;
        Items = items;
        Sources = new HashSet<string>(sources, System.StringComparer.Ordinal);
    }

    public Shape? Shape { get; }

    public Dim? Dim { get; }

    public IReadOnlyList<Value>? Items { get; }

    /// <summary>The inputs (<c>input:x</c>) and layers (<c>layer:Conv1</c>) this value depends on.</summary>
    public HashSet<string> Sources { get; }

    /// <summary>Whether the tensor holds integer ids (an input declared Int64, or ids reshaped or sliced).</summary>
    public bool IsInteger { get; private set; }

    /// <summary>
    /// The inputs that reach this value without passing through a layer: the identity path of a residual
    /// block. A path that returns without it, where others return with it, has lost its skip connection.
    /// </summary>
    public IReadOnlyCollection<string> Skips { get; private set; } = System.Array.Empty<string>();

    /// <summary>
    /// For a ReLU of a path through layers (<c>relu(BN2.call(h))</c>): the text of that path. An add of it to an
    /// input's identity path computes relu(h) + x, where ResNet v1 computes relu(h + x).
    /// </summary>
    public string? ReluOfLayerPath { get; private set; }

    /// <summary>For such an add: where it is, its text and the v1 order, so a return of it can be reported (MG0118).</summary>
    public (ForwardNode Add, string Suggestion)? ActivationBeforeAdd { get; private set; }

    /// <summary>The same value, marked as a ReLU of the layer path <paramref name="path"/>.</summary>
    public Value AsReluOf(string path) => new(Shape, Dim, Items, Sources) { IsInteger = IsInteger, Skips = Skips, ReluOfLayerPath = path };

    /// <summary>The same value, marked as an add of a ReLU'd layer path to a skip connection.</summary>
    public Value AsActivationBeforeAdd(ForwardNode add, string suggestion) =>
        new(Shape, Dim, Items, Sources) { IsInteger = IsInteger, Skips = Skips, ActivationBeforeAdd = (add, suggestion) };

    /// <summary>The same value, marked as holding integer ids or not.</summary>
    public Value WithInteger(bool integer) => new(Shape, Dim, Items, Sources) { IsInteger = integer, Skips = Skips };

    /// <summary>The same value with the given identity-path inputs.</summary>
    public Value WithSkips(IEnumerable<string> skips) =>
        new(Shape, Dim, Items, Sources) { IsInteger = IsInteger, Skips = new HashSet<string>(skips, System.StringComparer.Ordinal) };

    /// <summary>Whether a layer is on the way to this value (not only inputs, parameters and operations).</summary>
    public bool ThroughLayers => AllSources().Any(s => s.StartsWith("layer:", System.StringComparison.Ordinal));

    public IEnumerable<string> AllSources() => Items is null ? Sources : Sources.Concat(Items.SelectMany(i => i.AllSources()));

    public static Value Tensor(Shape shape, params string[] sources) => new(shape, null, null, sources);

    public static Value Tensor(Shape shape, IEnumerable<string> sources) => new(shape, null, null, sources);

    public static Value Size(Dim dim, IEnumerable<string>? sources = null) => new(null, dim, null, sources ?? Enumerable.Empty<string>());

    public static Value Scalar() => new(null, null, null, Enumerable.Empty<string>());

    public static Value List(IReadOnlyList<Value> items) => new(null, null, items, Enumerable.Empty<string>());

    /// <summary>The same shape or size reached on several paths: its sources are all of theirs.</summary>
    public static Value Merge(IReadOnlyList<Value> values) =>
        new Value(values[0].Shape, values[0].Dim, values[0].Items, values.SelectMany(v => v.Sources)) { IsInteger = values[0].IsInteger }
            .WithSkips(values.SelectMany(v => v.Skips));
}
