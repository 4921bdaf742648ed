using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0115 and MG0116: a residual block whose forward chooses between "input + path" and "path alone" by
/// comparing their shapes (the seed's <c>if inputs.shape[-1] != x.shape[-1]: add else: x</c>). In the branch
/// taken when the shapes differ, the add cannot work (MG0116, an error); in the branch taken when they
/// match, the input never reaches the output (MG0115, "skip connection lost").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConditionalResidualAnalyzer : TorchSharpAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TorchSharpRules.SkipConnectionLost,
        DiagnosticDescriptors.TorchSharpRules.ResidualAddOnlyWhenShapesDiffer);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.MethodBody);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        if (Residual.BlockInput(context.ContainingSymbol, torch) is not { } input)
        {
            return;
        }
        foreach (var conditional in Values.Descendants(context.Operation).OfType<IConditionalOperation>())
        {
            if (ShapesDiffer(conditional.Condition, torch, 0) is not { } differ)
            {
                continue;
            }
            var (a, b, whenDiffer) = differ;
            var differing = Values.BranchValues(conditional, whenDiffer);
            var matching = Values.BranchValues(conditional, !whenDiffer);
            if (!Residual.DependsOnParameter(a, input) && !Residual.DependsOnParameter(b, input))
            {
                continue;
            }
            foreach (var add in differing.SelectMany(v => v.DescendantsAndSelf()).Where(o => Residual.IsTensorAdd(o, torch)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.TorchSharpRules.ResidualAddOnlyWhenShapesDiffer, add.Syntax.GetLocation(),
                    add.Syntax.ToString(), conditional.Condition.Syntax.ToString()));
            }
            if (differing.Any(v => Residual.AddsIdentity(v, input, torch)))
            {
                foreach (var value in matching.Where(v => !Residual.AddsIdentity(v, input, torch)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.TorchSharpRules.SkipConnectionLost, value.Syntax.GetLocation(),
                        value.Syntax.ToString(), input.Name));
                }
            }
        }
    }

    /// <summary>
    /// The two tensors a condition compares the shapes of, and whether it holds when they differ:
    /// <c>a.shape[i] != b.shape[i]</c>, <c>a.size(i) != b.size(i)</c>, <c>!a.shape.SequenceEqual(b.shape)</c>,
    /// their negations, and a bool local holding one.
    /// </summary>
    private static (IOperation A, IOperation B, bool WhenDiffer)? ShapesDiffer(IOperation condition, TorchSymbols torch, int depth)
    {
        if (depth > 4)
        {
            return null;
        }
        switch (Values.Resolve(condition))
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return ShapesDiffer(not.Operand, torch, depth + 1) is ({ } a, { } b, var w) ? (a, b, !w) : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary
                when SizeOf(binary.LeftOperand, torch) is { } left && SizeOf(binary.RightOperand, torch) is { } right:
                return (left, right, binary.OperatorKind == BinaryOperatorKind.NotEquals);
            case IInvocationOperation { TargetMethod.Name: "SequenceEqual", Arguments.Length: 2 } sequenceEqual
                when ShapeOf(sequenceEqual.Arguments[0].Value, torch) is { } first && ShapeOf(sequenceEqual.Arguments[1].Value, torch) is { } second:
                return (first, second, false);
            default:
                return null;
        }
    }

    /// <summary>The tensor whose size <paramref name="value"/> reads: <c>t.shape[i]</c>, <c>t.size(i)</c>.</summary>
    private static IOperation? SizeOf(IOperation value, TorchSymbols torch) => Values.Resolve(value) switch
    {
        IArrayElementReferenceOperation { ArrayReference: { } array } => ShapeOf(array, torch),
        IInvocationOperation { TargetMethod.Name: "size", Instance: { } tensor } when torch.IsTensor(tensor.Type) => tensor,
        _ => null,
    };

    /// <summary>The tensor whose <c>shape</c> <paramref name="value"/> is.</summary>
    private static IOperation? ShapeOf(IOperation value, TorchSymbols torch) =>
        Values.Resolve(value) is IPropertyReferenceOperation { Property.Name: "shape", Instance: { } tensor } && torch.IsTensor(tensor.Type) ? tensor : null;
}
