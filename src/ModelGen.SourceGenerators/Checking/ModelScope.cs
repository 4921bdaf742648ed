using System;
using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>
/// How names resolve while a model is checked. Standalone, a hyperparameter is a symbol (its value is
/// known when the model is constructed); as a submodel instance, every hyperparameter and input symbol
/// is bound to a dimension of the enclosing model, so the same checker computes the instance's output.
/// </summary>
internal sealed class ModelScope
{
    private readonly ModelSpec _spec;
    private readonly IReadOnlyDictionary<string, Dim>? _binding;

    private ModelScope(ModelSpec spec, IReadOnlyDictionary<string, Dim>? binding, Func<string, ModelSpec?> findModel, int depth)
    {
        _spec = spec;
        _binding = binding;
        FindModel = findModel;
        Depth = depth;
    }

    public static ModelScope Standalone(ModelSpec spec, Func<string, ModelSpec?> findModel) => new(spec, null, findModel, 0);

    public static ModelScope Instance(ModelSpec spec, IReadOnlyDictionary<string, Dim> binding, Func<string, ModelSpec?> findModel, int depth) =>
        new(spec, binding, findModel, depth);

    /// <summary>Looks up another model of the compilation by its qualified name.</summary>
    public Func<string, ModelSpec?> FindModel { get; }

    /// <summary>How many submodels deep this check is (a cycle would otherwise never end).</summary>
    public int Depth { get; }

    public bool IsInstance => _binding is not null;

    public bool IsHyperparameter(string name) => _spec.Hyperparameters.Any(h => h.Name == name && h.IsInteger);

    public Dim Substitute(Dim dim) => _binding is null ? dim : dim.Substitute(_binding);

    public Shape Substitute(Shape shape) => _binding is null ? shape : shape.Substitute(_binding);

    /// <summary>Whether a size is known when the model is constructed: made of constants and hyperparameters only.</summary>
    public bool IsConstructionTime(Dim dim) => IsInstance || dim.Symbols.All(IsHyperparameter);

    /// <summary>Resolves a size written as text in an attribute (<c>"Filters"</c>, <c>"Filters * 4"</c>); null with a reason when it is not one.</summary>
    public Dim? Resolve(string text, out string error)
    {
        var parsed = ShapeText.Parse(text);
        if (!parsed.Success || parsed.Shape is not { Rank: 1 } shape)
        {
            error = _spec.Hyperparameters.Any(h => h.IsInteger)
                ? $"'{text}' is not a size over this model's integer hyperparameters ({string.Join(", ", _spec.Hyperparameters.Where(h => h.IsInteger).Select(h => h.Name))})"
                : $"'{text}' is not a hyperparameter (this model has no integer [Hyperparameter])";
            return null;
        }
        var unknown = shape[0].Symbols.FirstOrDefault(s => !IsHyperparameter(s));
        if (unknown is not null)
        {
            error = $"'{unknown}' is not an integer [Hyperparameter] of this model";
            return null;
        }
        error = "";
        return Substitute(shape[0]);
    }
}
