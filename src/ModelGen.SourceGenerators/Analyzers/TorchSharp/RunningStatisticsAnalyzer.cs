using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0109: a hand-written batch norm with a training branch never updates its running statistics:
/// a momentum is stored and never read (the seed's Q11), or a running-statistics member that the
/// evaluation path reads is never written outside the constructor.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RunningStatisticsAnalyzer : BatchNormClassAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.RunningStatisticsNotUpdated);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, BatchNormClass norm, TorchSymbols torch)
    {
        if (norm.Branches.Count == 0)
        {
            return;
        }
        var (reads, writes) = Accesses(norm.Source);
        if (norm.Momentum(torch) is { } momentum && !reads.Contains(momentum.OriginalDefinition))
        {
            Report(context, momentum, $"'{momentum.Name}' is stored but never used, so no running statistics are ever updated with it");
        }
        var evalOnly = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var (_, trainingReturns, evalReturns) in norm.Branches)
        {
            var trainingMembers = norm.MembersRead(trainingReturns);
            evalOnly.UnionWith(norm.MembersRead(evalReturns).Where(m => norm.RunningMembers.Contains(m) && !trainingMembers.Contains(m)));
        }
        foreach (var member in evalOnly.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (!writes.Contains(member))
            {
                Report(context, member, $"'{member.Name}' is read by the evaluation path but never updated in training: evaluation normalises with its initial value");
            }
        }
    }

    /// <summary>Members read, and members written (assigned or changed in place), in the class's methods other than constructors.</summary>
    private static (HashSet<ISymbol> Reads, HashSet<ISymbol> Writes) Accesses(SourceClass source)
    {
        var reads = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var writes = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var method in source.Methods.Where(m => m.MethodKind != MethodKind.Constructor))
        {
            foreach (var operation in Values.Descendants(source.BodyOf(method)!))
            {
                if (operation is not IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation, Member: IFieldSymbol or IPropertySymbol } member)
                {
                    continue;
                }
                var symbol = member.Member.OriginalDefinition;
                bool assigned = member.Parent is IAssignmentOperation assignment && assignment.Target == member;
                bool inPlace = member.Parent is IInvocationOperation call && call.Instance == member && call.TargetMethod.Name.EndsWith("_", StringComparison.Ordinal);
                if (assigned || inPlace)
                {
                    writes.Add(symbol);
                }
                if (!assigned || member.Parent is ICompoundAssignmentOperation)
                {
                    reads.Add(symbol);
                }
            }
        }
        return (reads, writes);
    }

    private static void Report(SymbolAnalysisContext context, ISymbol member, string message)
    {
        var location = member.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TorchSharpRules.RunningStatisticsNotUpdated, location, message));
        }
    }
}
