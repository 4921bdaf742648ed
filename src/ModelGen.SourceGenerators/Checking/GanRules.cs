using System.Collections.Generic;
using System.Linq;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Checking;

/// <summary>
/// What a [Gan] model must be for its adversarial step to be right: a generator then a discriminator
/// (so the sequential check proves the discriminator takes what the generator makes), and one score per sample.
/// </summary>
internal static class GanRules
{
    /// <summary>Reports what is wrong; returns whether the discriminator's scores are probabilities (it ends with a sigmoid).</summary>
    public static bool Check(ModelSpec spec, Shape? output, ModelScope scope, List<ModelIssue> issues)
    {
        void Fail(string reason) => issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, spec.Name, reason));

        if (spec.Forward is not null || spec.Layers.Count != 2 || spec.Layers.Any(l => l.Kind != "Submodel"))
        {
            Fail("is a [Gan], which takes exactly two [Submodel] layers, the generator then the discriminator, and no [Forward] method");
            return false;
        }
        if (output is not null && !(output.Rank == 1 || (output.Rank == 2 && output[1].ConstantValue == 1)))
        {
            Fail($"is a [Gan] whose discriminator outputs {output}; it must give one score per sample, [N, 1] or [N]");
        }
        return scope.FindModel(spec.Layers[1].TypeMetadataName) is { } discriminator && ModelOutputs.FinalActivation(discriminator) == "sigmoid";
    }
}
