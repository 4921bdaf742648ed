using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0112: stacked recurrent layers where the lower one hands on only its final hidden state
/// (<c>var (o, h, c) = lstm1.call(x); lstm2.call(h)</c>, <c>lstm1.call(x).Item2</c>) or only its last time
/// step (<c>o.select(1, -1)</c>, <c>o[.., -1]</c>) as the sequence input of the upper one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RecurrentInputAnalyzer : TorchSharpAnalyzer
{
    private static readonly string[] Recurrent = { "LSTM", "GRU", "RNN" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.RecurrentInputNotSequence);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!IsRecurrentCall(call, torch) || Values.Argument(call, 0) is not { } input)
        {
            return;
        }
        if (Origin(input, torch, 0) is not { } origin)
        {
            return;
        }
        var (lower, what) = origin;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.TorchSharpRules.RecurrentInputNotSequence, input.Syntax.GetLocation(),
            input.Syntax.ToString(), what, lower.Instance!.Syntax.ToString(), call.Instance!.Syntax.ToString()));
    }

    private static bool IsRecurrentCall(IOperation operation, TorchSymbols torch) =>
        Values.Unwrap(operation) is IInvocationOperation invocation && Modules.IsModuleCall(invocation, torch)
        && Modules.All(invocation.Instance!, torch, m => m.Is(Recurrent));

    /// <summary>The lower recurrent call and what part of its result <paramref name="input"/> is, when it is not the output sequence.</summary>
    private static (IInvocationOperation Lower, string What)? Origin(IOperation input, TorchSymbols torch, int depth)
    {
        if (depth > 6)
        {
            return null;
        }
        switch (Values.Unwrap(input))
        {
            case ILocalReferenceOperation local:
                if (Values.DeconstructedFrom(local.Local, local) is ({ } value, var index))
                {
                    return index >= 1 && IsRecurrentCall(value, torch) ? ((IInvocationOperation)Values.Unwrap(value), "only the final hidden state") : null;
                }
                return Values.ReachingValue(local.Local, local) is { } reaching ? Origin(reaching, torch, depth + 1) : null;
            case IFieldReferenceOperation { Field.Name: "Item2" or "Item3", Instance: { } tuple } when IsRecurrentCall(tuple, torch):
                return ((IInvocationOperation)Values.Unwrap(tuple), "only the final hidden state");
            case IInvocationOperation { TargetMethod.Name: "select", Instance: { } sequence } select
                when torch.IsTensorMethod(select, "select") && Values.ConstantInteger(Values.Argument(select, 1)) == -1
                     && OutputSequenceOf(sequence, torch, depth) is { } lower:
                return (lower, "only the last time step");
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } sequence } indexer
                when Indices(indexer).Skip(1).Any(i => Values.ConstantInteger(i) == -1) && torch.IsTensor(sequence.Type)
                     && OutputSequenceOf(sequence, torch, depth) is { } lower:
                return (lower, "only the last time step");
            default:
                return null;
        }
    }

    /// <summary>The indices of a tensor indexer, also when they are passed as a params array (<c>o[.., -1]</c>).</summary>
    private static System.Collections.Generic.IEnumerable<IOperation> Indices(IPropertyReferenceOperation indexer) =>
        indexer.Arguments.SelectMany(a => a.ArgumentKind == ArgumentKind.ParamArray && Values.Unwrap(a.Value) is IArrayCreationOperation { Initializer: { } initializer }
            ? (System.Collections.Generic.IEnumerable<IOperation>)initializer.ElementValues
            : new[] { a.Value });

    /// <summary>The recurrent call whose output sequence (first item) <paramref name="value"/> is.</summary>
    private static IInvocationOperation? OutputSequenceOf(IOperation value, TorchSymbols torch, int depth)
    {
        switch (Values.Unwrap(value))
        {
            case ILocalReferenceOperation local:
                if (Values.DeconstructedFrom(local.Local, local) is ({ } source, var index))
                {
                    return index == 0 && IsRecurrentCall(source, torch) ? (IInvocationOperation)Values.Unwrap(source) : null;
                }
                return depth < 6 && Values.ReachingValue(local.Local, local) is { } reaching ? OutputSequenceOf(reaching, torch, depth + 1) : null;
            case IFieldReferenceOperation { Field.Name: "Item1", Instance: { } tuple } when IsRecurrentCall(tuple, torch):
                return (IInvocationOperation)Values.Unwrap(tuple);
            default:
                return null;
        }
    }
}
