using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0111: a module that does not take and return one tensor (LSTM, GRU, RNN, MultiheadAttention, a loss)
/// passed to <c>nn.Sequential(...)</c> or <c>Sequential.append</c>. The compiler already rejects it (CS1503),
/// but blames every argument against the <c>("name", module)</c> overload; this names the one module that
/// cannot be chained and says why. The call does not bind (an invalid operation), so this works on syntax and types.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnchainableSequentialModuleAnalyzer : TorchSharpAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.UnchainableSequentialModule);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch)
    {
        var moduleOfTensor = context.Compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module`2");
        if (moduleOfTensor is null)
        {
            return;
        }
        // A Sequential that binds chains only one-tensor modules; the mistake shows up as an invocation that does not bind.
        context.RegisterOperationAction(c => Analyze(c, torch, moduleOfTensor), OperationKind.Invalid);
    }

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch, INamedTypeSymbol moduleOfTensor)
    {
        if (context.Operation.Syntax is not InvocationExpressionSyntax invocation || context.Operation.SemanticModel is not { } model)
        {
            return;
        }
        string? name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("Sequential" or "append") || invocation.ArgumentList.Arguments.Count == 0)
        {
            return;
        }
        var info = model.GetSymbolInfo(invocation, context.CancellationToken);
        var candidates = info.Symbol is { } bound ? ImmutableArray.Create(bound) : info.CandidateSymbols;
        if (!candidates.Any(c => c is IMethodSymbol method && torch.IsTorchSharp(method)
                && (method.Name == "Sequential" || method.ContainingType.Name == "Sequential")))
        {
            return;
        }
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            var module = argument.Expression is TupleExpressionSyntax { Arguments.Count: 2 } tuple ? tuple.Arguments[1].Expression : argument.Expression;
            var type = model.GetTypeInfo(module, context.CancellationToken).Type;
            if (!torch.IsModule(type) || ChainsOneTensor(type!, torch, moduleOfTensor))
            {
                continue;
            }
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TorchSharpRules.UnchainableSequentialModule, module.GetLocation(), module.ToString(), Why(type!, torch)));
        }
    }

    private static bool ChainsOneTensor(ITypeSymbol type, TorchSymbols torch, INamedTypeSymbol moduleOfTensor)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, moduleOfTensor)
                && t.TypeArguments.All(a => SymbolEqualityComparer.Default.Equals(a, torch.Tensor)))
            {
                return true;
            }
        }
        return false;
    }

    private static string Why(ITypeSymbol type, TorchSymbols torch)
    {
        const string chain = "nn.Sequential passes one tensor from each module to the next; call it from a hand-written forward instead";
        switch (torch.BuiltInModuleName(type))
        {
            case "LSTM":
                return "LSTM's forward takes (input, (h0, c0)?) and returns (output, h_n, c_n); " + chain;
            case "GRU":
                return "GRU's forward takes (input, h0?) and returns (output, h_n); " + chain;
            case "RNN":
                return "RNN's forward takes (input, h0?) and returns (output, h_n); " + chain;
            case "MultiheadAttention":
                return "MultiheadAttention's forward takes query, key and value (and an optional mask) and returns (output, attention weights); " + chain;
        }
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.ContainingType?.Name == "nn" && t.Name == "Module" && t.TypeArguments.Length >= 2)
            {
                var inputs = t.TypeArguments.Take(t.TypeArguments.Length - 1).Select(a => a.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
                var result = t.TypeArguments.Last().ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                return $"{type.Name}'s forward takes ({string.Join(", ", inputs)}) and returns {result}; " + chain;
            }
        }
        return $"{type.Name} is not a module from one tensor to one tensor; " + chain;
    }
}
