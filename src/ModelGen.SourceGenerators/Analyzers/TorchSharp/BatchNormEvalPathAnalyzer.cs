using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0107: the evaluation path of a hand-written batch norm ignores running statistics: it returns the
/// affine transform alone (the seed's <c>gamma * inputs + beta</c>) or normalises with the current
/// batch's statistics, reading no member that the training path does not also read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BatchNormEvalPathAnalyzer : BatchNormClassAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.BatchNormEvalPath);

    /// <inheritdoc />
    private protected override void Analyze(SymbolAnalysisContext context, BatchNormClass norm, TorchSymbols torch)
    {
        var source = norm.Source;
        foreach (var (_, trainingReturns, evalReturns) in norm.Branches)
        {
            var trainingMembers = norm.MembersRead(trainingReturns);
            var evalMembers = norm.MembersRead(evalReturns);
            bool usesStored = evalMembers.Any(m => norm.RunningMembers.Contains(m) || !trainingMembers.Contains(m));
            if (usesStored)
            {
                continue;
            }
            bool batchStatistics = norm.Reductions.Any(r => evalReturns.Any(v => Reaches(r.Anchor, v, 0)));
            string what = batchStatistics
                ? "normalises with the statistics of the current batch"
                : "applies the scale and shift without normalising";
            foreach (var value in evalReturns)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TorchSharpRules.BatchNormEvalPath, value.Syntax.GetLocation(), source.Type.Name, what));
            }
        }
    }

    /// <summary>Whether <paramref name="target"/> is part of <paramref name="value"/>, directly or through locals.</summary>
    private static bool Reaches(IOperation target, IOperation value, int depth)
    {
        if (depth > 6)
        {
            return false;
        }
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation == target)
            {
                return true;
            }
            if (operation is ILocalReferenceOperation local
                && Values.ReachingValue(local.Local, local) is { } reaching && Reaches(target, reaching, depth + 1))
            {
                return true;
            }
        }
        return false;
    }
}
