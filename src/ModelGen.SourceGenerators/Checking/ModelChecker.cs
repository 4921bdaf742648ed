using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>
/// Runs the shape engine over a parsed model: parses the input shapes, flows them through the layers
/// (in declaration order, or through the <c>[Forward]</c> body), infers every layer's input sizes and
/// collects what only the run time can check. Roslyn-free: it sees only <see cref="ModelSpec"/>s.
/// </summary>
internal static class ModelChecker
{
    /// <summary>Submodels nest at most this deep; deeper means a model contains itself.</summary>
    public const int MaxDepth = 16;

    public static CheckedModel Check(ModelSpec spec, Func<string, ModelSpec?> findModel, CancellationToken cancellationToken) =>
        Run(spec, ModelScope.Standalone(spec, findModel), inputOverride: null, cancellationToken).Model;

    /// <summary>The outcome of checking a model, standalone or as an instance inside another.</summary>
    /// <param name="Model">The checked model, issues included.</param>
    /// <param name="Outputs">The shape it returns, or one per element of the tuple it returns; null when not followed.</param>
    /// <param name="Parameters">Its parameter count.</param>
    /// <param name="Requirements">What its entry guard checks at run time.</param>
    internal sealed record Outcome(CheckedModel Model, IReadOnlyList<Shape>? Outputs, Dim Parameters, IReadOnlyList<GuardRequirement> Requirements);

    /// <summary>
    /// Checks <paramref name="spec"/> as a submodel: its input symbols and hyperparameters bound by
    /// <paramref name="binding"/>, applied to <paramref name="input"/>. The outcome's issues belong to the instance.
    /// </summary>
    public static Outcome Instantiate(ModelSpec spec, Shape input, IReadOnlyDictionary<string, Dim> binding, Func<string, ModelSpec?> findModel, int depth, CancellationToken cancellationToken) =>
        Run(spec, ModelScope.Instance(spec, binding, findModel, depth), input, cancellationToken);

    private static Outcome Run(ModelSpec spec, ModelScope scope, Shape? inputOverride, CancellationToken cancellationToken)
    {
        try
        {
            return RunChecked(spec, scope, inputOverride, cancellationToken);
        }
        catch (OverflowException)
        {
            // Absurd sizes (a literal near long.MaxValue) overflow the engine's checked arithmetic: the model cannot be built.
            var issues = new List<ModelIssue>(spec.Issues)
            {
                ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, spec.Name, "has sizes whose products overflow 64-bit integers"),
            };
            var model = new CheckedModel(spec, false, EquatableArray<CheckedInput>.Empty,
                new LayerResolver(spec, scope, issues).Layers.ToEquatableArray(), EquatableArray<CheckedTensor>.Empty, "",
                EquatableArray<GuardRequirement>.Empty, issues.ToEquatableArray(), false);
            return new Outcome(model, null, Dim.Zero, Array.Empty<GuardRequirement>());
        }
    }

    private static Outcome RunChecked(ModelSpec spec, ModelScope scope, Shape? inputOverride, CancellationToken cancellationToken)
    {
        var issues = new List<ModelIssue>(spec.Issues);
        var inputs = ParseInputs(spec, scope, issues);
        if (inputOverride is not null && inputs.Count == 1)
        {
            inputs[0] = inputOverride;
        }
        var tensors = ParseTensors(spec, scope, issues);
        var resolver = new LayerResolver(spec, scope, issues);
        IReadOnlyList<Shape>? outputs = null;

        // A [Forward] method whose signature is wrong is already reported (MG0009); following it would only cascade.
        bool forwardMatches = spec.Forward is null
            || (spec.Forward.Parameters.SequenceEqual(spec.Inputs.Select(i => i.Name)) && !spec.Issues.Any(i => i.Id == DiagnosticDescriptors.ForwardSignatureMismatchId));
        if (inputs.Count == spec.Inputs.Count && inputs.Count > 0 && forwardMatches)
        {
            var states = tensors.ToDictionary(t => t.PropertyName, t => Shape.Of(t.Shape.ToArray()));
            outputs = spec.Forward is null
                ? SequentialFlow.Run(spec, inputs, resolver, issues, cancellationToken) is { } output ? new[] { output } : null
                : new ForwardFlow(spec, inputs, states, resolver, issues, cancellationToken).Run();
        }

        bool probabilities = spec.IsGan && GanRules.Check(spec, outputs?[0], scope, issues);
        bool complete = spec.CanGenerate && !issues.Any(i => DiagnosticDescriptors.IsError(i.Id)) && resolver.AllResolved;
        var layers = resolver.Layers;
        var parameters = layers.Aggregate(Dim.Zero, (sum, l) => sum + l.Parameters);
        parameters = tensors.Where(t => !t.IsBuffer).Aggregate(parameters, (sum, t) => sum + t.Shape.Aggregate(Dim.One, (p, d) => p * d));
        var model = new CheckedModel(
            spec,
            complete,
            inputs.Select((shape, i) => new CheckedInput(spec.Inputs[i].Name, string.Join(", ", shape.Dims), shape.Dims.ToEquatableArray(), spec.Inputs[i].DType)).ToEquatableArray(),
            layers.ToEquatableArray(),
            tensors.ToEquatableArray(),
            OutputText(spec, outputs),
            resolver.Requirements.ToEquatableArray(),
            issues.ToEquatableArray(),
            probabilities);
        return new Outcome(model, outputs, parameters, resolver.Requirements);
    }

    /// <summary>The output shape, or the tuple's elements with their names: <c>(Logits [N, 10], Weights [N, T, T])</c>.</summary>
    private static string OutputText(ModelSpec spec, IReadOnlyList<Shape>? outputs) =>
        outputs is null ? ""
        : spec.Forward is { ReturnsTuple: true } forward ? "(" + string.Join(", ", outputs.Select((shape, i) => forward.OutputName(i) + " " + shape)) + ")"
        : outputs[0].ToString();

    /// <summary>Parses every input's shape; returns fewer shapes than inputs when one is malformed.</summary>
    private static List<Shape> ParseInputs(ModelSpec spec, ModelScope scope, List<ModelIssue> issues)
    {
        var shapes = new List<Shape>();
        for (int i = 0; i < spec.Inputs.Count; i++)
        {
            var input = spec.Inputs[i];
            if (input.Name.Length == 0)
            {
                continue;
            }
            var parsed = ShapeText.Parse(input.ShapeText);
            if (!parsed.Success || parsed.Shape is null)
            {
                var error = parsed.Error!;
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidShapeTextId,
                    new IssueTarget(IssueTargetKind.Input, i, null, new SourceSpan(error.Start, error.Length)), input.Name, error.Message));
                continue;
            }
            int bad = IndexOfExpression(parsed.Shape);
            if (bad >= 0)
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidShapeTextId,
                    new IssueTarget(IssueTargetKind.Input, i, null, SourceSpan.None), input.Name,
                    $"dimension {bad} '{parsed.Shape[bad]}' must be a positive integer or a single name: an input's sizes are read from the tensor"));
                continue;
            }
            shapes.Add(scope.Substitute(parsed.Shape));
        }
        return shapes;
    }

    /// <summary>The shapes of [Parameter] and [Buffer] tensors: integers and integer hyperparameters only.</summary>
    private static List<CheckedTensor> ParseTensors(ModelSpec spec, ModelScope scope, List<ModelIssue> issues)
    {
        var tensors = new List<CheckedTensor>();
        foreach (var tensor in spec.Tensors)
        {
            var parsed = ShapeText.Parse(tensor.ShapeText);
            string what = tensor.IsBuffer ? "[Buffer]" : "[Parameter]";
            string? problem = !parsed.Success ? parsed.Error!.Message
                : parsed.Shape!.Dims.SelectMany(d => d.Symbols).FirstOrDefault(s => !scope.IsHyperparameter(s)) is { } unknown
                    ? $"'{unknown}' is not an integer [Hyperparameter]; a tensor's size is fixed when the model is built"
                    : null;
            if (problem is not null)
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, spec.Name,
                    $"declares {what} '{tensor.PropertyName}' with the shape \"{tensor.ShapeText}\": {problem}"));
                continue;
            }
            tensors.Add(new CheckedTensor(tensor.PropertyName, tensor.Modifiers, Code.SnakeCase(tensor.PropertyName), tensor.IsBuffer,
                parsed.Shape!.Dims.Select(scope.Substitute).ToEquatableArray(), tensor.Init));
        }
        return tensors;
    }

    private static int IndexOfExpression(Shape shape)
    {
        for (int d = 0; d < shape.Rank; d++)
        {
            var dim = shape[d];
            if (!dim.IsConstant && !(dim.Symbols.Count == 1 && dim.Equals(Dim.Sym(dim.Symbols.First()))))
            {
                return d;
            }
        }
        return -1;
    }
}
