using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0104: a module added to a model after an optimizer was created over the model's parameters, in the
/// same method: <c>register_module</c>, <c>append</c>/<c>Add</c> on a Sequential or ModuleList, a module
/// assigned to one of its fields, or a call of one of the model's own methods that does one of these.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModuleAddedAfterOptimizerAnalyzer : TorchSharpAnalyzer
{
    private static readonly string[] ContainerTypes = { "Sequential", "ModuleList", "ModuleDict" };
    private static readonly string[] ContainerAdds = { "append", "Add", "Insert", "extend" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ModuleAddedAfterOptimizer);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.MethodBody);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        var thisSymbol = context.ContainingSymbol.ContainingType;
        var optimizers = new List<(IOperation Creation, HashSet<ISymbol> Covered)>();
        var additions = new List<(IOperation Site, IOperation Target)>();
        foreach (var operation in Values.Descendants(context.Operation))
        {
            switch (operation)
            {
                case IInvocationOperation invocation when torch.IsOptimizer(invocation.Type) && Optimizers.Creation(invocation, torch) == invocation:
                case IObjectCreationOperation creation when torch.IsOptimizer(creation.Type):
                    if (Optimizers.ParametersArgument(operation) is { } parameters && Optimizers.Covered(parameters, torch, thisSymbol) is { } covered)
                    {
                        optimizers.Add((operation, covered));
                    }
                    break;
                case IInvocationOperation invocation when AddedTo(invocation, torch) is { } target:
                    additions.Add((invocation, target));
                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: { } owner } member } assignment
                    when owner is not IInstanceReferenceOperation && torch.IsModule(owner.Type) && torch.IsModule(assignment.Value.Type)
                    && member.Member is IFieldSymbol or IPropertySymbol:
                    additions.Add((assignment, owner));
                    break;
            }
        }
        if (optimizers.Count == 0 || additions.Count == 0)
        {
            return;
        }
        foreach (var (site, target) in additions)
        {
            var chain = Chain(target, thisSymbol);
            var before = optimizers.FirstOrDefault(o => o.Creation.Syntax.Span.End <= site.Syntax.SpanStart && chain.Any(o.Covered.Contains));
            if (before.Creation is null)
            {
                continue;
            }
            var root = chain.First(before.Covered.Contains);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TorchSharpRules.ModuleAddedAfterOptimizer,
                site.Syntax.GetLocation(),
                site.Syntax.ToString(), root.Name, before.Creation.Syntax.ToString()));
        }
    }

    /// <summary>The module a call adds a submodule to: <c>m.register_module(...)</c>, <c>seq.append(...)</c>, or a method of m that does either.</summary>
    private static IOperation? AddedTo(IInvocationOperation invocation, TorchSymbols torch)
    {
        if (invocation.Instance is not { } target || target is IInstanceReferenceOperation || !torch.IsModule(target.Type))
        {
            return null;
        }
        var method = invocation.TargetMethod;
        if (torch.IsTorchSharp(method))
        {
            bool adds = method.Name == "register_module"
                || (ContainerAdds.Contains(method.Name) && torch.BuiltInModuleName(target.Type) is { } container && ContainerTypes.Contains(container));
            return adds ? target : null;
        }
        return torch.SourceType(method.ContainingType)?.BodyOf(method) is { } body && RegistersModules(body, torch) ? target : null;
    }

    /// <summary>Whether a method of a module class adds submodules to its own instance.</summary>
    private static bool RegistersModules(IOperation body, TorchSymbols torch) =>
        Values.Descendants(body).Any(o => o switch
        {
            IInvocationOperation { Instance: null or IInstanceReferenceOperation } call =>
                torch.IsTorchSharp(call.TargetMethod) && call.TargetMethod.Name is "register_module" or "RegisterComponents",
            IInvocationOperation { Instance: IMemberReferenceOperation { Instance: IInstanceReferenceOperation } container } call =>
                torch.IsTorchSharp(call.TargetMethod) && ContainerAdds.Contains(call.TargetMethod.Name)
                && torch.BuiltInModuleName(container.Type) is { } name && ContainerTypes.Contains(name),
            _ => false,
        });

    /// <summary>The symbols along a member chain, innermost first: <c>head</c>, <c>backbone</c>, <c>model</c> for <c>model.backbone.head</c>.</summary>
    private static List<ISymbol> Chain(IOperation operation, ISymbol? thisSymbol)
    {
        var chain = new List<ISymbol>();
        for (var current = Values.Unwrap(operation); ; current = Values.Unwrap(((IMemberReferenceOperation)current).Instance!))
        {
            if (Values.RootSymbol(current, thisSymbol) is { } symbol)
            {
                chain.Add(symbol);
            }
            if (current is not IMemberReferenceOperation { Instance: { } instance } || instance is IInstanceReferenceOperation)
            {
                return chain;
            }
        }
    }
}
