using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>
/// Runs the shape engine over a parsed model: parses the input shapes, flows them through the layers
/// (in declaration order, or through the <c>[Forward]</c> body), infers every layer's input sizes and
/// collects what only the run time can check. Roslyn-free: it sees only the <see cref="ModelSpec"/>.
/// </summary>
internal static class ModelChecker
{
    public static CheckedModel Check(ModelSpec spec, CancellationToken cancellationToken)
    {
        var issues = new List<ModelIssue>(spec.Issues);
        var inputs = ParseInputs(spec, issues);
        var resolver = new LayerResolver(spec, issues);
        string outputShape = "";

        // A [Forward] method whose parameters do not match the inputs is already reported (MG0009); following it would only cascade.
        bool forwardMatches = spec.Forward is null || spec.Forward.Parameters.SequenceEqual(spec.Inputs.Select(i => i.Name));
        if (inputs.Count == spec.Inputs.Count && inputs.Count > 0 && forwardMatches)
        {
            var flow = spec.Forward is null
                ? SequentialFlow.Run(spec, inputs, resolver, issues, cancellationToken)
                : new ForwardFlow(spec, inputs, resolver, issues, cancellationToken).Run();
            outputShape = flow?.ToString() ?? "";
        }

        bool complete = spec.CanGenerate && !issues.Any(i => DiagnosticDescriptors.IsError(i.Id)) && resolver.AllResolved;
        return new CheckedModel(
            spec,
            complete,
            inputs.Select((shape, i) => new CheckedInput(spec.Inputs[i].Name, string.Join(", ", shape.Dims), shape.Dims.ToEquatableArray())).ToEquatableArray(),
            resolver.Layers.ToEquatableArray(),
            outputShape,
            resolver.Requirements.ToEquatableArray(),
            issues.ToEquatableArray());
    }

    /// <summary>Parses every input's shape; returns fewer shapes than inputs when one is malformed.</summary>
    private static List<Shape> ParseInputs(ModelSpec spec, List<ModelIssue> issues)
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
            shapes.Add(parsed.Shape);
        }
        return shapes;
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
