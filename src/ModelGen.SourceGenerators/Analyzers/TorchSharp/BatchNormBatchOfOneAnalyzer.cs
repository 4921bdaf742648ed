using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0110: a model holding BatchNorm trained on batches of one example: in a method that runs a backward
/// pass and an optimizer step, the model is called (outside <c>no_grad</c>, not after <c>eval()</c>) on
/// a tensor whose first dimension is the constant 1: <c>torch.randn(1, ...)</c>, <c>x.unsqueeze(0)</c>,
/// <c>x.view(1, ...)</c>, <c>x.narrow(0, i, 1)</c>, or a batch-size local that is 1.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BatchNormBatchOfOneAnalyzer : TorchSharpAnalyzer
{
    private static readonly string[] Factories = { "randn", "rand", "zeros", "ones", "empty", "full", "randint", "tensor" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.BatchNormBatchOfOne);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.MethodBody);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        var invocations = Values.Descendants(context.Operation).OfType<IInvocationOperation>().ToList();
        if (!invocations.Any(i => torch.IsTensorMethod(i, "backward"))
            || !invocations.Any(i => i.TargetMethod.Name == "step" && torch.IsOptimizer(i.Instance?.Type)))
        {
            return;
        }
        var thisSymbol = context.ContainingSymbol.ContainingType;
        foreach (var call in invocations)
        {
            if (!Modules.IsModuleCall(call, torch) || call.Arguments.Length == 0 || Scopes.InNoGrad(call, torch)
                || Values.RootSymbol(call.Instance, thisSymbol) is not { } model
                || EvalBefore(invocations, call, model, torch, thisSymbol))
            {
                continue;
            }
            var layers = new SortedSet<string>(System.StringComparer.Ordinal);
            ModeLayerNames.Collect(call.Instance!, torch, layers);
            if (!layers.Any(ModeLayerNames.IsBatchNorm) || !BatchOfOne(call.Arguments[0].Value, torch, 0))
            {
                continue;
            }
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TorchSharpRules.BatchNormBatchOfOne, call.Arguments[0].Value.Syntax.GetLocation(),
                call.Instance!.Syntax.ToString(), string.Join(" and ", layers.Where(ModeLayerNames.IsBatchNorm))));
        }
    }

    private static bool EvalBefore(List<IInvocationOperation> invocations, IInvocationOperation call, ISymbol model, TorchSymbols torch, ISymbol? thisSymbol) =>
        invocations.Any(i => i.Syntax.SpanStart < call.Syntax.SpanStart && i.TargetMethod.Name is "eval" or "train" && torch.IsTorchSharp(i.TargetMethod)
            && SymbolEqualityComparer.Default.Equals(Values.RootSymbol(i.Instance, thisSymbol), model)
            && (i.TargetMethod.Name == "eval" || Values.Argument(i, 0)?.ConstantValue is { HasValue: true, Value: false }));

    /// <summary>Whether a tensor's first dimension is certainly 1.</summary>
    private static bool BatchOfOne(IOperation value, TorchSymbols torch, int depth)
    {
        if (depth > 6 || Values.Resolve(value) is not IInvocationOperation invocation || !torch.IsTorchSharp(invocation.TargetMethod))
        {
            return false;
        }
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "unsqueeze" when !method.IsStatic:
                return IsZero(Values.Argument(invocation, 0));
            case "view" or "reshape" when !method.IsStatic:
                return FirstSize(invocation) is { } first && IsOne(first);
            case "narrow" when !method.IsStatic:
                return IsZero(Values.Argument(invocation, 0)) && IsOne(Values.Argument(invocation, 2));
            case "to" or "cuda" or "cpu" or "contiguous" or "clone" or "float" or "detach" when !method.IsStatic:
                return BatchOfOne(invocation.Instance!, torch, depth + 1);
            default:
                return method.IsStatic && Factories.Contains(method.Name) && method.Name != "tensor"
                    && FirstSize(invocation) is { } size && IsOne(size);
        }
    }

    /// <summary>The first size of a shape argument: <c>randn(1, 3, 32, 32)</c>, <c>view(new long[] { 1, -1 })</c>.</summary>
    private static IOperation? FirstSize(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                continue;
            }
            if (Values.Unwrap(argument.Value) is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
            {
                return elements[0];
            }
            return parameter.Ordinal == 0 && parameter.Type.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32 ? argument.Value : null;
        }
        return null;
    }

    /// <summary>Whether a size is the constant 1, also through a local that certainly holds 1.</summary>
    private static bool IsOne(IOperation? size) => Values.ConstantInteger(size) == 1;

    private static bool IsZero(IOperation? dim) => Values.ConstantInteger(dim) == 0;
}
