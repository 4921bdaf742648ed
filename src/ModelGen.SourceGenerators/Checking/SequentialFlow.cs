using System.Collections.Generic;
using System.Threading;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>A model without a <c>[Forward]</c> method: its one input runs through the layers in declaration order.</summary>
internal static class SequentialFlow
{
    public static Shape? Run(ModelSpec spec, List<Shape> inputs, LayerResolver resolver, List<ModelIssue> issues, CancellationToken cancellationToken)
    {
        if (inputs.Count != 1)
        {
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, spec.Name,
                $"declares {inputs.Count} inputs but has no [Forward] method; a sequential model takes one input, so wire several in a [Forward] method"));
            return null;
        }
        if (spec.Layers.Count == 0)
        {
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, spec.Name, "declares no layers"));
            return null;
        }
        Shape? shape = inputs[0];
        for (int i = 0; i < spec.Layers.Count && shape is not null; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Only the model's own input can hold integer ids: every layer's output is real.
            shape = resolver.Apply(i, shape, i == 0 && spec.Inputs[0].IsInteger, IssueTarget.Layer(i));
        }
        return shape;
    }
}
