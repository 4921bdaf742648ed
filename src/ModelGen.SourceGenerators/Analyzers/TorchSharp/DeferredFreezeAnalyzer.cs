using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0105: a backbone "frozen" by a LINQ query whose result is discarded, such as
/// <c>backbone.parameters().Select(p =&gt; p.requires_grad = false);</c>. The query is deferred and
/// never enumerated, so the lambda never runs and every parameter still requires grad.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeferredFreezeAnalyzer : TorchSharpAnalyzer
{
    private static readonly string[] DeferredOperators = { "Select", "Where", "SelectMany", "TakeWhile", "SkipWhile", "OrderBy", "GroupBy", "Zip" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.FreezeNeverRuns);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.ExpressionStatement);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        if (((IExpressionStatementOperation)context.Operation).Operation is not IInvocationOperation invocation
            || !DeferredOperators.Contains(invocation.TargetMethod.Name)
            || !invocation.TargetMethod.IsExtensionMethod
            || invocation.TargetMethod.ContainingType.ToDisplayString() != "System.Linq.Enumerable")
        {
            return;
        }
        bool freezes = invocation.Arguments.Any(a => Values.Unwrap(a.Value) is IDelegateCreationOperation or IAnonymousFunctionOperation
            && a.Value.DescendantsAndSelf().Any(o => SetsRequiresGrad(o, torch)));
        if (freezes)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TorchSharpRules.FreezeNeverRuns, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name));
        }
    }

    private static bool SetsRequiresGrad(IOperation operation, TorchSymbols torch) => operation switch
    {
        IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "requires_grad" } property } => torch.IsTorchSharp(property.Property),
        IInvocationOperation { TargetMethod.Name: "requires_grad_" } call => torch.IsTorchSharp(call.TargetMethod),
        _ => false,
    };
}
