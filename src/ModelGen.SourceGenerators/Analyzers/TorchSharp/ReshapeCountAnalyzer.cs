using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.Shapes;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0114: a view, reshape or Unflatten whose element count cannot match, where the size of the last
/// dimension is fixed by a layer built from constants (<c>nn.Linear(100, 256)</c> then
/// <c>.view(-1, 1, 28, 28)</c> or <c>nn.Unflatten(1, new long[] { 1, 28, 28 })</c>). The counts are compared
/// with the shape engine's Reshape and Unflatten rules, the batch (or everything before the last
/// dimension) being a symbol N.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReshapeCountAnalyzer : TorchSharpAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ReshapeCountMismatch);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        var call = (IInvocationOperation)context.Operation;
        var method = call.TargetMethod;
        if (method.Name == "Sequential" && method.IsStatic && torch.IsTorchSharp(method))
        {
            TensorFacts.Through(new ModuleRef("Sequential", null, call), TensorFact.Unknown, torch, 0, (element, module, input) =>
            {
                if (module.BuiltIn == "Unflatten" && UnflattenError(module, input) is { } error)
                {
                    Report(context, element, error);
                }
            });
            return;
        }
        if (method.Name is "view" or "reshape" && !method.IsStatic && torch.IsTorchSharp(method) && torch.IsTensor(call.Instance?.Type)
            && TensorFacts.SizeOperations(call) is { } sizes && TensorFacts.Of(call.Instance!, torch) is { LastMultiple: not null } fact
            && ViewError(fact, sizes, method.Name) is { } viewError)
        {
            Report(context, call, viewError);
            return;
        }
        if (Modules.IsModuleCall(call, torch) && Values.Argument(call, 0) is { } input
            && Modules.Resolve(call.Instance!, torch) is { Count: 1 } modules && modules[0].BuiltIn == "Unflatten"
            && UnflattenError(modules[0], TensorFacts.Of(input, torch)) is { } unflattenError)
        {
            Report(context, call, unflattenError);
        }
    }

    /// <summary>
    /// Unflatten(1, sizes) of an [N, F] tensor: with F known, the engine's Unflatten rule; with F only known to
    /// be a multiple of M (a flattened layer output), the sizes must multiply to a multiple of M.
    /// </summary>
    private static string? UnflattenError(ModuleRef unflatten, TensorFact input)
    {
        if (input is not { Rank: 2, LastMultiple: { } multiple }
            || Values.ConstantInteger(TensorFacts.CreationArgument(unflatten, 0)) is not 1
            || TensorFacts.Sizes(TensorFacts.CreationArgument(unflatten, 1)) is not { } sizes || sizes.Any(s => s is null))
        {
            return null;
        }
        if (input.Last is { } last)
        {
            var result = UnflattenRule.Apply(Shape.Of(Dim.Sym("N"), Dim.Const(last)), new UnflattenOptions(1, sizes.Select(s => Dim.Const(s!.Value)).ToList()));
            return result.Error?.Kind == ShapeErrorKind.ElementCountMismatch ? $"the input is [N, {last}]; {result.Error.Message}" : null;
        }
        if (sizes.Any(s => s < 0))
        {
            return null;
        }
        long product = sizes.Aggregate(1L, (p, s) => p * s!.Value);
        return product % multiple == 0
            ? null
            : $"dimension 1 holds a multiple of {multiple} elements (a flattened output whose last size is {multiple}), and [{string.Join(", ", sizes)}] has {product}, which is not one";
    }

    /// <summary>
    /// A view of a tensor whose last size is known, or known to be a multiple of M. With the last size F known
    /// and no batch size in the target, the engine's Reshape on [N, F] (N stands for everything before the
    /// last dimension). With the batch size first (<c>x.size(0)</c>) and the rank not known to be 2, each
    /// example holds a multiple of M elements, so the rest of the target must be one.
    /// </summary>
    private static string? ViewError(TensorFact fact, IReadOnlyList<IOperation> sizes, string op)
    {
        long multiple = fact.LastMultiple!.Value;
        var target = new List<Dim>();
        bool batchFirst = false;
        for (int i = 0; i < sizes.Count; i++)
        {
            if (Values.ConstantInteger(sizes[i]) is { } constant)
            {
                target.Add(Dim.Const(constant));
            }
            else if (i == 0 && IsBatchSize(sizes[i]))
            {
                target.Add(Dim.Sym("N"));
                batchFirst = true;
            }
            else
            {
                return null;
            }
        }
        if ((fact.Rank != 2 || fact.Last is null) && batchFirst)
        {
            if (target.Skip(1).Any(d => d.ConstantValue < 0))
            {
                return null;
            }
            long rest = target.Skip(1).Aggregate(1L, (p, d) => p * d.ConstantValue!.Value);
            return rest % multiple == 0
                ? null
                : $"each example has a multiple of {multiple} elements (its last size), and {rest} per example is not one";
        }
        if (fact.Last is not { } last)
        {
            return null;
        }
        var result = Reshape.Apply(Shape.Of(Dim.Sym("N"), Dim.Const(last)), target);
        if (result.Error?.Kind != ShapeErrorKind.ElementCountMismatch)
        {
            return null;
        }
        var message = result.Error.Message.Replace("reshape:", op + ":");
        return target.Any(d => d.ConstantValue == -1)
            ? message + "; the -1 would take whatever count is left, mixing examples, and fail for most batch sizes"
            : message;
    }

    /// <summary><c>x.size(0)</c>, <c>x.shape[0]</c>, or a local holding one.</summary>
    private static bool IsBatchSize(IOperation size)
    {
        switch (Values.Resolve(size))
        {
            case IInvocationOperation { TargetMethod.Name: "size" } call when Values.ConstantInteger(Values.Argument(call, 0)) == 0:
                return true;
            case IArrayElementReferenceOperation { ArrayReference: IPropertyReferenceOperation { Property.Name: "shape" }, Indices.Length: 1 } element:
                return Values.ConstantInteger(element.Indices[0]) == 0;
            default:
                return false;
        }
    }

    private static void Report(OperationAnalysisContext context, IOperation site, string reason) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TorchSharpRules.ReshapeCountMismatch, site.Syntax.GetLocation(), site.Syntax.ToString(), reason));
}
