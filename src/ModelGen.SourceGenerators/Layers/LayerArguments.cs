using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>
/// Typed access to a layer attribute's arguments with their defaults. An argument of the wrong kind
/// or out of range is reported (MG0005, pointing at that argument) and makes the layer unresolved.
/// </summary>
internal sealed class LayerArguments
{
    private readonly LayerSpec _spec;
    private readonly int _index;
    private readonly List<ModelIssue> _issues;
    private readonly Checking.ModelScope _scope;

    private readonly bool _placeholders;

    // placeholders: stand in a 1 for an invalid size after reporting it, so a layer no input ever reached can
    // still be constructed to find out whether its arguments are valid (the construction is discarded if not).
    public LayerArguments(LayerSpec spec, int index, List<ModelIssue> issues, Checking.ModelScope scope, bool placeholders = false)
    {
        _spec = spec;
        _index = index;
        _issues = issues;
        _scope = scope;
        _placeholders = placeholders;
    }

    public string LayerName => _spec.PropertyName;

    public bool HasErrors { get; private set; }

    private HyperValue? Find(string name) => _spec.Arguments.FirstOrDefault(a => a.Name == name)?.Value;

    public bool Has(string name) => Find(name) is { Kind: not HyperValueKind.Null };

    /// <summary>A size: an integer of at least <paramref name="minimum"/>.</summary>
    public Dim? Size(string name, long @default, long minimum = 1) =>
        ReadSize(name, @default, minimum) ?? (_placeholders ? Dim.One : null);

    private Dim? ReadSize(string name, long @default, long minimum)
    {
        var value = Find(name);
        if (value is null or { Kind: HyperValueKind.Null })
        {
            return Dim.Const(@default);
        }
        if (value.Kind == HyperValueKind.Integer)
        {
            return Check(name, value.Integers[0], minimum) ? Dim.Const(value.Integers[0]) : null;
        }
        if (value.Kind == HyperValueKind.Text)
        {
            return Named(name, value.Text, minimum);
        }
        return Wrong(name, value, "an integer");
    }

    /// <summary>A size written as a hyperparameter's name or an expression over hyperparameters.</summary>
    private Dim? Named(string name, string text, long minimum)
    {
        var dim = _scope.Resolve(text, out string error);
        if (dim is null)
        {
            Report(name, error);
            return null;
        }
        return dim.ConstantValue is { } constant && !Check(name, constant, minimum) ? null : dim;
    }

    /// <summary>A per-axis pair: one integer for both axes, or an array of two.</summary>
    public (Dim First, Dim Second)? Pair(string name, long @default, long minimum = 1) =>
        ReadPair(name, @default, minimum) ?? (_placeholders ? (Dim.One, Dim.One) : null);

    private (Dim First, Dim Second)? ReadPair(string name, long @default, long minimum)
    {
        var value = Find(name);
        if (value is null or { Kind: HyperValueKind.Null })
        {
            return (Dim.Const(@default), Dim.Const(@default));
        }
        if (value.Kind == HyperValueKind.Integer)
        {
            return Check(name, value.Integers[0], minimum) ? (Dim.Const(value.Integers[0]), Dim.Const(value.Integers[0])) : null;
        }
        if (value.Kind == HyperValueKind.Text)
        {
            return Named(name, value.Text, minimum) is { } dim ? (dim, dim) : null;
        }
        if (value.Kind == HyperValueKind.IntegerArray && value.Integers.Count == 2)
        {
            return Check(name, value.Integers[0], minimum) && Check(name, value.Integers[1], minimum)
                ? (Dim.Const(value.Integers[0]), Dim.Const(value.Integers[1]))
                : null;
        }
        Wrong(name, value, "an integer or an array of two integers");
        return null;
    }

    /// <summary>A list of sizes, such as the target of a reshape.</summary>
    public Dim[]? Sizes(string name) => ReadSizes(name) ?? (_placeholders ? new[] { Dim.One } : null);

    private Dim[]? ReadSizes(string name)
    {
        var value = Find(name);
        if (value is { Kind: HyperValueKind.IntegerArray } && value.Integers.Count > 0)
        {
            return value.Integers.All(v => Check(name, v, 1)) ? value.Integers.Select(Dim.Const).ToArray() : null;
        }
        Report(name, "must list at least one positive integer size");
        return null;
    }

    public double Real(string name, double @default, double minimum, double maximum)
    {
        var value = Find(name);
        if (value is null)
        {
            return @default;
        }
        double number = value.Kind switch
        {
            HyperValueKind.Real => value.Real,
            HyperValueKind.Integer => value.Integers[0],
            _ => double.NaN,
        };
        if (double.IsNaN(number) || number < minimum || number > maximum)
        {
            Report(name, $"must be a number between {Code.Double(minimum)} and {Code.Double(maximum)}, not {Describe(value)}");
            return @default;
        }
        return number;
    }

    public bool Flag(string name, bool @default) => Find(name) is { Kind: HyperValueKind.Boolean } value ? value.Flag : @default;

    public long Integer(string name, long @default) => Find(name) is { Kind: HyperValueKind.Integer } value ? value.Integers[0] : @default;

    public string EnumMember(string name, string @default) => Find(name) is { Kind: HyperValueKind.EnumMember } value ? value.Text : @default;

    /// <summary>Reports a problem with one argument (MG0005).</summary>
    public void Report(string name, string problem)
    {
        HasErrors = true;
        _issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidHyperparameterId, IssueTarget.Layer(_index, name), name, _spec.PropertyName, problem));
    }

    private bool Check(string name, long value, long minimum)
    {
        if (value >= minimum)
        {
            return true;
        }
        Report(name, minimum == 1 ? $"must be a positive integer, not {value}" : $"must be at least {minimum}, not {value}");
        return false;
    }

    private Dim? Wrong(string name, HyperValue value, string expected)
    {
        Report(name, $"expected {expected}, not {Describe(value)}");
        return null;
    }

    private static string Describe(HyperValue value) => value.Kind switch
    {
        HyperValueKind.Integer => Code.Long(value.Integers[0]),
        HyperValueKind.IntegerArray => "[" + string.Join(", ", value.Integers.Select(Code.Long)) + "]",
        HyperValueKind.Real => Code.Double(value.Real),
        HyperValueKind.Boolean => Code.Bool(value.Flag),
        HyperValueKind.Text => "'" + value.Text + "'",
        HyperValueKind.EnumMember => value.Text,
        _ => "null",
    };
}
