using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Layers;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>
/// Applies declared layers to incoming shapes and fixes each layer's inferred sizes at its first use;
/// a later use with other sizes is a mismatch. Layers never applied are settled by <see cref="Finish"/>.
/// </summary>
internal sealed class LayerResolver
{
    private readonly ModelSpec _spec;
    private readonly List<ModelIssue> _issues;
    private readonly Dictionary<string, Dim>?[] _arguments;
    private readonly CheckedLayer?[] _layers;
    private readonly Dictionary<string, Dim>?[] _inferred;
    private readonly List<GuardRequirement> _requirements = new();

    public LayerResolver(ModelSpec spec, ModelScope scope, List<ModelIssue> issues)
    {
        _spec = spec;
        Scope = scope;
        _issues = issues;
        _layers = new CheckedLayer?[spec.Layers.Count];
        _inferred = new Dictionary<string, Dim>?[spec.Layers.Count];
        _arguments = new Dictionary<string, Dim>?[spec.Layers.Count];
    }

    /// <summary>How hyperparameters resolve in the model being checked.</summary>
    public ModelScope Scope { get; }

    public int IndexOf(string property)
    {
        for (int i = 0; i < _spec.Layers.Count; i++)
        {
            if (_spec.Layers[i].PropertyName == property)
            {
                return i;
            }
        }
        return -1;
    }

    public bool IsApplied(int index) => _layers[index] is not null;

    public bool AllResolved => _layers.All(l => l is { Construction.Length: > 0 });

    public IReadOnlyList<CheckedLayer> Layers => _layers.Select((l, i) => l ?? Unresolved(i)).ToList();

    public IReadOnlyList<GuardRequirement> Requirements => _requirements;

    /// <summary>Applies layer <paramref name="index"/> in a sequential chain; the shape it hands on, or null (with an issue).</summary>
    public Shape? Apply(int index, Shape input, bool integer, IssueTarget where)
    {
        if (_spec.Layers[index].Kind == "Submodel")
        {
            var outputs = ApplySubmodel(index, input, where);
            if (outputs is { Count: > 1 })
            {
                _issues.Add(ModelIssue.Create(DiagnosticDescriptors.ShapeMismatchId, where,
                    $"Submodel '{_spec.Layers[index].PropertyName}' returns a tuple of {outputs.Count} tensors ({string.Join(", ", outputs)}) and a sequential chain hands on one tensor; call it in a [Forward] method and pick the output to hand on"));
                return null;
            }
            return outputs?[0];
        }
        var applied = Apply(index, LayerInputs.Single(input, integer), where);
        return applied is null ? null : applied.Value.Definition.ChainOutput(applied.Value.Application, applied.Value.Arguments);
    }

    /// <summary>Applies layer <paramref name="index"/> to its call arguments in a forward body; null (with an issue) when it does not fit.</summary>
    public LayerApplication? Call(int index, LayerInputs inputs, IssueTarget where)
    {
        if (_spec.Layers[index].Kind == "Submodel")
        {
            return inputs.Count == 1 && inputs.Tensor(0) is { } input && ApplySubmodel(index, input, where) is { } outputs
                ? new LayerApplication(LayerResult.Ok(outputs[0], Dim.Zero), outputs.Count > 1 ? outputs : null)
                : null;
        }
        return Apply(index, inputs, where)?.Application;
    }

    private (LayerDefinition Definition, LayerApplication Application, LayerArguments Arguments)? Apply(int index, LayerInputs inputs, IssueTarget where)
    {
        var spec = _spec.Layers[index];
        var definition = LayerCatalog.Find(spec.Kind);
        if (definition is null)
        {
            return null;
        }
        var arguments = new LayerArguments(spec, index, _issues, Scope);
        var application = definition.Apply(inputs, arguments);
        if (application is null || arguments.HasErrors)
        {
            return null;
        }
        var result = application.Result;
        string module = Code.SnakeCase(spec.PropertyName);
        if (!result.Success || result.Output is null)
        {
            var error = result.Error!;
            _issues.Add(error.Kind switch
            {
                ShapeErrorKind.InvalidHyperparameter => ModelIssue.Create(DiagnosticDescriptors.InvalidHyperparameterId,
                    where.Kind == IssueTargetKind.Layer ? IssueTarget.Layer(index, error.Argument) : where, error.Argument ?? "argument", spec.PropertyName, error.Message),
                ShapeErrorKind.CannotInfer => ModelIssue.Create(DiagnosticDescriptors.CannotInferSizeId, where, error.Argument ?? "the input size", spec.PropertyName, error.Message),
                _ => ModelIssue.Create(DiagnosticDescriptors.ShapeMismatchId, where, $"Layer '{spec.PropertyName}' ({spec.Kind}) cannot take ({inputs}): {error.Message}"),
            });
            return null;
        }
        foreach (var pair in result.Inferred.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            if (!Scope.IsConstructionTime(pair.Value))
            {
                _issues.Add(ModelIssue.Create(DiagnosticDescriptors.CannotInferSizeId, where, pair.Key, spec.PropertyName,
                    $"it comes from the dimension '{pair.Value}' of the input ({inputs}), which is known only at run time; fix that dimension to a number in the model's [Input]"));
                return null;
            }
        }

        if (_inferred[index] is { } first)
        {
            foreach (var pair in result.Inferred)
            {
                if (first.TryGetValue(pair.Key, out var earlier) && !earlier.Equals(pair.Value))
                {
                    _issues.Add(ModelIssue.Create(DiagnosticDescriptors.ShapeMismatchId, where,
                        $"Layer '{spec.PropertyName}' ({spec.Kind}) is applied to ({inputs}) here, which needs {pair.Key} = {pair.Value}, but its first use fixed {pair.Key} = {earlier}"));
                    return null;
                }
            }
            return (definition, application, arguments);
        }

        if (spec.Kind == "Flatten" && inputs.Tensor(0) is { } flat && flat.Equals(result.Output))
        {
            // The seed's GAN generator flattens the output of a Dense layer: [N, 256] stays [N, 256].
            _issues.Add(ModelIssue.Create(DiagnosticDescriptors.TorchSharpRules.FlattenNoOpId, where.Kind == IssueTargetKind.Layer ? IssueTarget.Layer(index) : where, spec.PropertyName, flat.ToString()));
        }
        _inferred[index] = result.Inferred.ToDictionary(p => p.Key, p => p.Value);
        foreach (var requirement in result.Requirements)
        {
            AddRequirement(requirement, $"layer '{module}'");
        }
        var handedOn = definition.ChainOutput(application, arguments);
        _layers[index] = new CheckedLayer(spec.PropertyName, spec.Modifiers, module, definition.ModuleType, definition.TypeName,
            definition.Construct(arguments, result), (handedOn ?? result.Output).ToString(), result.Parameters,
            arguments.EnumMember("Activation", "None"), spec.Frozen, definition.ChainCall(arguments));
        return (definition, application, arguments);
    }

    /// <summary>
    /// A [Submodel]: the other model is checked as an instance, its hyperparameters bound from this
    /// layer's arguments and from the incoming shape; its issues stay with it, its first error is reported here.
    /// </summary>
    private IReadOnlyList<Shape>? ApplySubmodel(int index, Shape input, IssueTarget where)
    {
        var spec = _spec.Layers[index];
        var child = Scope.FindModel(spec.TypeMetadataName);
        if (child is null)
        {
            return null;
        }
        if (Scope.Depth >= ModelChecker.MaxDepth)
        {
            _issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidLayerDeclarationId, IssueTarget.Layer(index), spec.PropertyName,
                $"nests {child.Name} more than {ModelChecker.MaxDepth} deep; a model cannot contain itself"));
            return null;
        }
        var bound = SubmodelInstance.Bind(spec, child, input, Scope, out var problem);
        if (bound is null)
        {
            _issues.Add(ModelIssue.Create(problem!.Value.Id, where.Kind == IssueTargetKind.Layer ? IssueTarget.Layer(index, problem.Value.Argument) : where, problem.Value.Arguments));
            return null;
        }
        var instance = bound.Binding;
        var outcome = ModelChecker.Instantiate(child, input, instance, Scope.FindModel, Scope.Depth + 1, default);
        var error = outcome.Model.Issues.FirstOrDefault(i => DiagnosticDescriptors.IsError(i.Id));
        if (error is not null || outcome.Outputs is null)
        {
            string reason = error is null ? "it produces no output" : Describe(error);
            _issues.Add(ModelIssue.Create(DiagnosticDescriptors.ShapeMismatchId, where,
                $"Submodel '{spec.PropertyName}' ({child.Name}) cannot take input {input}: {reason}"));
            return null;
        }
        var unknown = child.Hyperparameters.Where(h => h.IsInteger && instance.ContainsKey(h.Name)).FirstOrDefault(h => !Scope.IsConstructionTime(instance[h.Name]));
        if (unknown is not null)
        {
            _issues.Add(ModelIssue.Create(DiagnosticDescriptors.CannotInferSizeId, where, "hyperparameter " + unknown.Name, spec.PropertyName,
                $"it comes from '{instance[unknown.Name]}' in the input {input}, which is known only at run time"));
            return null;
        }
        if (_arguments[index] is { } first && !first.OrderBy(p => p.Key).SequenceEqual(instance.OrderBy(p => p.Key)))
        {
            _issues.Add(ModelIssue.Create(DiagnosticDescriptors.ShapeMismatchId, where,
                $"Submodel '{spec.PropertyName}' ({child.Name}) is applied to {input} here, which builds it differently from its first use"));
            return null;
        }
        if (_arguments[index] is null)
        {
            _arguments[index] = instance;
            foreach (var requirement in outcome.Requirements)
            {
                AddRequirement(new DimRequirement(requirement.Value, requirement.Minimum, requirement.Reason), $"submodel '{Code.SnakeCase(spec.PropertyName)}'");
            }
            _layers[index] = new CheckedLayer(spec.PropertyName, spec.Modifiers, Code.SnakeCase(spec.PropertyName), child.Name, spec.PropertyType,
                bound.Construction, outcome.Model.OutputShape, outcome.Parameters, "None", spec.Frozen, "{field}.call({input})");
        }
        return outcome.Outputs;
    }

    private static string Describe(ModelIssue issue) =>
        DiagnosticDescriptors.Find(issue.Id) is { } descriptor
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), issue.MessageArguments.ToArray<object>())
            : issue.Id;

    /// <summary>Adds a run-time condition; the same condition from several places is checked once, naming them all.</summary>
    public void AddRequirement(DimRequirement requirement, string where)
    {
        // A submodel's condition can become decidable once its sizes are bound: a satisfied one needs no check.
        if (requirement.Value.ConstantValue is { } value && requirement.Minimum.ConstantValue is { } minimum && value >= minimum)
        {
            return;
        }
        int existing = _requirements.FindIndex(r => r.Value.Equals(requirement.Value) && r.Minimum.Equals(requirement.Minimum));
        if (existing < 0)
        {
            _requirements.Add(new GuardRequirement(requirement.Value, requirement.Minimum, $"{requirement.Reason} ({where})"));
        }
        else if (!_requirements[existing].Reason.Contains(where))
        {
            var merged = _requirements[existing];
            _requirements[existing] = merged with { Reason = merged.Reason.Substring(0, merged.Reason.Length - 1) + ", " + where + ")" };
        }
    }

    /// <summary>
    /// Settles layers no data reached: those that infer nothing are still built; the others cannot be
    /// (their input sizes are unknown), which is an error on top of the unused-layer warning.
    /// </summary>
    public void Finish(bool reportUnapplied)
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            if (_layers[i] is not null)
            {
                continue;
            }
            var spec = _spec.Layers[i];
            var definition = LayerCatalog.Find(spec.Kind);
            if (definition is null)
            {
                if (spec.Kind == "Submodel" && reportUnapplied)
                {
                    _issues.Add(ModelIssue.Create(DiagnosticDescriptors.CannotInferSizeId, IssueTarget.Layer(i), "its hyperparameters", spec.PropertyName,
                        "the submodel is never applied to a tensor, so nothing determines them"));
                }
                continue;
            }
            var arguments = new LayerArguments(spec, i, _issues, Scope, placeholders: true);
            if (definition.InfersSizes)
            {
                if (!reportUnapplied)
                {
                    continue;
                }
                _issues.Add(ModelIssue.Create(DiagnosticDescriptors.CannotInferSizeId, IssueTarget.Layer(i), "its input size", spec.PropertyName,
                    "the layer is never applied to a tensor, so nothing determines it"));
                continue;
            }
            string construction = definition.Construct(arguments, null);
            if (!arguments.HasErrors)
            {
                _layers[i] = new CheckedLayer(spec.PropertyName, spec.Modifiers, Code.SnakeCase(spec.PropertyName), definition.ModuleType, definition.TypeName,
                    construction, "", Dim.Zero, arguments.EnumMember("Activation", "None"), spec.Frozen, definition.ChainCall(arguments));
            }
        }
    }

    private CheckedLayer Unresolved(int index)
    {
        var spec = _spec.Layers[index];
        string type = LayerCatalog.Find(spec.Kind)?.TypeName ?? spec.PropertyType;
        return new CheckedLayer(spec.PropertyName, spec.Modifiers, Code.SnakeCase(spec.PropertyName), type, type, "", "", Dim.Zero, "None", spec.Frozen, "{field}.call({input})");
    }
}
