using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0113: a flatten from dimension 1 of a tensor that is certainly already [N, F]: <c>nn.Flatten()</c> after
/// another flatten in a Sequential (with only shape-keeping layers between), or <c>x.flatten(1)</c> of such a
/// tensor in a forward. It does nothing; usually a layer is missing or in the wrong place.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlattenNoOpAnalyzer : TorchSharpAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.FlattenNoOp);

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
                if (IsFlattenFrom1(module) && input.Rank == 2)
                {
                    Report(context, element, input);
                }
            });
            return;
        }
        if (method.Name == "flatten" && torch.IsTorchSharp(method))
        {
            var tensor = method.IsStatic ? Values.Argument(call, 0) : call.Instance;
            var start = Values.Argument(call, method.IsStatic ? 1 : 0);
            var end = Values.Argument(call, method.IsStatic ? 2 : 1);
            if (tensor is not null && Values.ConstantInteger(start) == 1 && (end is null || Values.ConstantInteger(end) == -1)
                && TensorFacts.Of(tensor, torch) is { Rank: 2 } fact)
            {
                Report(context, call, fact);
            }
            return;
        }
        if (Modules.IsModuleCall(call, torch) && Values.Argument(call, 0) is { } input
            && Modules.Resolve(call.Instance!, torch) is { Count: 1 } modules && IsFlattenFrom1(modules[0])
            && TensorFacts.Of(input, torch) is { Rank: 2 } flat)
        {
            Report(context, call, flat);
        }
    }

    private static bool IsFlattenFrom1(ModuleRef module) =>
        module.BuiltIn == "Flatten" && TensorFacts.FlattenStart(module) == 1 && TensorFacts.FlattenEndIsLast(module);

    private static void Report(OperationAnalysisContext context, IOperation site, TensorFact input) =>
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.TorchSharpRules.FlattenNoOp, site.Syntax.GetLocation(),
            site.Syntax.ToString(), input.Last is { } last ? $"[N, {last}]" : "[N, F]"));
}
