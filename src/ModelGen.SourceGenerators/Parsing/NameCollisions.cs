using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Parsing;

/// <summary>
/// User declarations whose names the generated part of the model needs for itself (MG0007): a member (or the
/// class itself) named like a generated member or backing field, a member named like a type the generated code
/// names unqualified, and an input named like a parameter or local of the generated methods that take the inputs.
/// </summary>
internal static class NameCollisions
{
    public static void Report(INamedTypeSymbol type, List<HyperparameterSpec> hyperparameters, List<InputSpec> inputs, List<LayerSpec> layers, List<TensorSpec> tensors, List<ModelIssue> issues)
    {
        var fields = new HashSet<string>(hyperparameters.Select(h => h.Name).Concat(layers.Select(l => l.PropertyName)).Concat(tensors.Select(t => t.PropertyName))
            .Select(Code.FieldName), System.StringComparer.Ordinal);
        foreach (var members in type.GetMembers().GroupBy(m => m.Name))
        {
            string? reason = GeneratedNames.Members.Contains(members.Key) ? "a member of the generated part"
                : fields.Contains(members.Key) ? "the generated backing field of a hyperparameter, layer or tensor"
                : GeneratedNames.Unqualified.Contains(members.Key) ? "a TorchSharp name the generated code uses, which the member would hide"
                : null;
            // The analyzer sees the generated part too: only a member the user declared counts.
            if (reason is not null && members.Any(m => !m.IsImplicitlyDeclared && m.DeclaringSyntaxReferences.Any(r => !ModelParser.IsGenerated(r.SyntaxTree))))
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, type.Name,
                    $"declares '{members.Key}', which is {reason}; rename it"));
            }
        }
        if (GeneratedNames.Members.Contains(type.Name) || fields.Contains(type.Name))
        {
            // A member cannot have its class's name (CS0542), and the generated part declares this one.
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, type.Name,
                $"is named like a member of its generated part ('{type.Name}'); rename the class"));
        }
        foreach (var (name, declaredIn) in ShadowingDeclarations(type))
        {
            issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, IssueTarget.Model, type.Name,
                $"is declared where '{declaredIn}' has its own '{name}', which would hide TorchSharp's '{name}' in the generated code; rename that declaration or move the model"));
        }
        for (int i = 0; i < inputs.Count; i++)
        {
            if (GeneratedNames.InputScope.Contains(inputs[i].Name))
            {
                issues.Add(ModelIssue.Create(DiagnosticDescriptors.InvalidModelDeclarationId, new IssueTarget(IssueTargetKind.Input, i, null, SourceSpan.None), type.Name,
                    $"has an input named '{inputs[i].Name}', a parameter or local of the generated methods that take the inputs (TrainStep, AdversarialStep, forward); rename it"));
            }
        }
    }

    /// <summary>
    /// Source declarations, in the types and namespaces that enclose the model, of a name the generated code writes
    /// unqualified: C# looks there before the generated file's usings, so <c>namespace nn</c> or a <c>class Tensor</c>
    /// beside the model would be found instead of TorchSharp's.
    /// </summary>
    private static IEnumerable<(string Name, string DeclaredIn)> ShadowingDeclarations(INamedTypeSymbol type)
    {
        var scopes = new List<INamespaceOrTypeSymbol>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            scopes.Add(outer);
        }
        for (var ns = type.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
        {
            scopes.Add(ns);
        }
        foreach (var scope in scopes)
        {
            foreach (var name in GeneratedNames.Unqualified)
            {
                if (scope.GetMembers(name).Any(m => m.Locations.Any(l => l.IsInSource)))
                {
                    yield return (name, scope is INamespaceSymbol { IsGlobalNamespace: true } ? "the global namespace" : scope.ToDisplayString());
                }
            }
        }
    }
}
