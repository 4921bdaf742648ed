using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>A problem binding a submodel, reported at the [Submodel] layer.</summary>
internal readonly record struct BindingProblem(string Id, string? Argument, string[] Arguments);

/// <summary>
/// One use of a model as a [Submodel]: its input symbols and integer hyperparameters bound to
/// dimensions of the enclosing model (inferred from the incoming shape, or given by the attribute's
/// arguments), and the constructor call that builds it.
/// </summary>
internal sealed class SubmodelInstance
{
    private SubmodelInstance(Dictionary<string, Dim> binding, string construction)
    {
        Binding = binding;
        Construction = construction;
    }

    /// <summary>Input symbols and integer hyperparameters of the submodel, as dimensions of the enclosing model.</summary>
    public Dictionary<string, Dim> Binding { get; }

    /// <summary>The C# expression that builds it.</summary>
    public string Construction { get; }

    public static SubmodelInstance? Bind(LayerSpec layer, ModelSpec child, Shape input, ModelScope scope, out BindingProblem? problem)
    {
        problem = null;
        BindingProblem Fail(string id, string? argument, params string[] arguments) => new(id, argument, arguments);
        string Mismatch(string reason) => $"Submodel '{layer.PropertyName}' ({child.Name}) {reason}";

        if (child.Inputs.Count != 1)
        {
            problem = Fail(DiagnosticDescriptors.ShapeMismatchId, null, Mismatch($"takes {child.Inputs.Count} inputs; a submodel layer takes one"));
            return null;
        }
        var declared = ShapeText.Parse(child.Inputs[0].ShapeText);
        if (!declared.Success || declared.Shape is null)
        {
            // The submodel's own declaration reports its malformed shape.
            problem = Fail(DiagnosticDescriptors.ShapeMismatchId, null, Mismatch("has a malformed input shape"));
            return null;
        }
        var expected = declared.Shape;
        if (expected.Rank != input.Rank)
        {
            problem = Fail(DiagnosticDescriptors.ShapeMismatchId, null, Mismatch($"expects [{child.Inputs[0].ShapeText}] but gets {input}"));
            return null;
        }

        var binding = new Dictionary<string, Dim>(System.StringComparer.Ordinal);
        for (int d = 0; d < expected.Rank; d++)
        {
            var want = expected[d];
            if (want.ConstantValue is null && want.Symbols.Count == 1 && want.Equals(Dim.Sym(want.Symbols.First())))
            {
                string symbol = want.Symbols.First();
                if (!binding.TryGetValue(symbol, out var bound))
                {
                    binding[symbol] = input[d];
                    continue;
                }
                want = bound;
            }
            if (Dim.Relate(want, input[d]) != DimRelation.Equal)
            {
                problem = Fail(DiagnosticDescriptors.ShapeMismatchId, null,
                    Mismatch($"expects [{child.Inputs[0].ShapeText}] but gets {input}: dimension {d} is {input[d]}, not {want}"));
                return null;
            }
        }

        var given = layer.Arguments.Where(a => a.Name.StartsWith("#", System.StringComparison.Ordinal)).Select(a => a.Value).ToList();
        var arguments = new List<string>();
        int next = 0;
        foreach (var hyper in child.Hyperparameters)
        {
            string parameter = char.ToLowerInvariant(hyper.Name[0]) + hyper.Name.Substring(1);
            if (hyper.IsInteger && binding.TryGetValue(hyper.Name, out var inferred))
            {
                arguments.Add($"{parameter}: {Code.Size(inferred)}");
                continue;
            }
            if (next >= given.Count)
            {
                if (hyper.DefaultCode is null)
                {
                    problem = Fail(DiagnosticDescriptors.InvalidHyperparameterId, null, "arguments", layer.PropertyName,
                        $"{child.Name} needs a value for its hyperparameter '{hyper.Name}' (its input shape does not determine it)");
                    return null;
                }
                if (hyper.IsInteger)
                {
                    binding[hyper.Name] = Dim.Const(hyper.DefaultInteger!.Value);
                }
                continue;
            }
            var value = given[next++];
            string? code = Argument(hyper, value, scope, binding, out string error);
            if (code is null)
            {
                problem = Fail(DiagnosticDescriptors.InvalidHyperparameterId, null, "argument " + next, layer.PropertyName, $"{child.Name}'s '{hyper.Name}' {error}");
                return null;
            }
            arguments.Add($"{parameter}: {code}");
        }
        if (next < given.Count)
        {
            problem = Fail(DiagnosticDescriptors.InvalidHyperparameterId, null, "arguments", layer.PropertyName,
                $"{child.Name} takes {next} argument(s) here (its hyperparameters {string.Join(", ", child.Hyperparameters.Select(h => h.Name))}, less those its input shape determines) but {given.Count} are given");
            return null;
        }
        return new SubmodelInstance(binding, $"new {child.QualifiedName}({string.Join(", ", arguments)})");
    }

    /// <summary>The C# for one given hyperparameter value, binding integer ones; null with a reason when it does not fit.</summary>
    private static string? Argument(HyperparameterSpec hyper, HyperValue value, ModelScope scope, Dictionary<string, Dim> binding, out string error)
    {
        error = "";
        switch (hyper.Type, value.Kind)
        {
            case ("int" or "long", HyperValueKind.Integer):
                if (value.Integers[0] < 1)
                {
                    error = $"must be a positive integer, not {value.Integers[0]}";
                    return null;
                }
                binding[hyper.Name] = Dim.Const(value.Integers[0]);
                return Code.Long(value.Integers[0]);
            case ("int" or "long", HyperValueKind.Text):
                var dim = scope.Resolve(value.Text, out error);
                if (dim is null)
                {
                    return null;
                }
                binding[hyper.Name] = dim;
                return Code.Size(dim);
            case ("double" or "float", HyperValueKind.Real or HyperValueKind.Integer):
                return Code.Real(value.Kind == HyperValueKind.Real ? value.Real : value.Integers[0], hyper.Type);
            case ("bool", HyperValueKind.Boolean):
                return Code.Bool(value.Flag);
            default:
                error = $"is a {hyper.Type}, which the given value is not";
                return null;
        }
    }
}
