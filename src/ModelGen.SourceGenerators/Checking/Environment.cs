using System.Collections.Generic;
using System.Linq;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>What a local holds at a point of a forward body.</summary>
internal enum Binding
{
    /// <summary>Never assigned.</summary>
    Missing,
    /// <summary>A value the checker followed.</summary>
    Known,
    /// <summary>Assigned from something already reported: later uses stay silent instead of cascading.</summary>
    Unknown,
    /// <summary>Assigned values of different shapes on the two branches of an <c>if</c>.</summary>
    Conflict,
}

/// <summary>The locals of a forward body while it is followed; cloned for the branches of an <c>if</c> and merged after.</summary>
internal sealed class Environment
{
    private readonly Dictionary<string, (Binding Binding, Value? Value)> _locals;

    public Environment() => _locals = new Dictionary<string, (Binding, Value?)>(System.StringComparer.Ordinal);

    private Environment(Dictionary<string, (Binding, Value?)> locals) => _locals = new Dictionary<string, (Binding, Value?)>(locals, System.StringComparer.Ordinal);

    public Environment Clone() => new(_locals);

    public Binding Get(string name, out Value? value)
    {
        if (_locals.TryGetValue(name, out var entry))
        {
            value = entry.Value;
            return entry.Binding;
        }
        value = null;
        return Binding.Missing;
    }

    public void Set(string name, Value value) => _locals[name] = (Binding.Known, value);

    public void SetUnknown(string name) => _locals[name] = (Binding.Unknown, null);

    /// <summary>
    /// Joins the branches that fall through (null for a branch that returned): a local keeps its value where
    /// the branches agree on its shape, and becomes a conflict where they do not.
    /// </summary>
    public void Merge(Environment? first, Environment? second)
    {
        var branches = new[] { first, second }.Where(b => b is not null).Select(b => b!).ToList();
        var names = branches.SelectMany(b => b._locals.Keys).Distinct().ToList();
        foreach (var name in names)
        {
            var entries = branches.Select(b => b._locals.TryGetValue(name, out var e) ? e : (Binding.Missing, null)).ToList();
            if (entries.Any(e => e.Item1 is Binding.Missing))
            {
                // Assigned on one path only: usable after the if only if it existed before.
                if (!_locals.ContainsKey(name))
                {
                    continue;
                }
            }
            var known = entries.Where(e => e.Item1 == Binding.Known).Select(e => e.Item2!).ToList();
            if (entries.Any(e => e.Item1 is Binding.Unknown or Binding.Conflict) || known.Count == 0)
            {
                _locals[name] = entries.Any(e => e.Item1 == Binding.Conflict) ? (Binding.Conflict, known.FirstOrDefault()) : (Binding.Unknown, null);
                continue;
            }
            var shape = known[0].Shape;
            var dim = known[0].Dim;
            bool agree = known.All(v => Equals(v.Shape, shape) && Equals(v.Dim, dim));
            _locals[name] = agree
                ? (Binding.Known, known.Count == 1 ? known[0] : Value.Merge(known))
                : (Binding.Conflict, known[0]);
        }
    }
}
