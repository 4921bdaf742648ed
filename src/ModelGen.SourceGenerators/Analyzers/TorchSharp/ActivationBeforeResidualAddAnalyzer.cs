using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// MG0118 (a suggestion): a residual block whose forward returns <c>relu(h) + x</c>, where x is the block's
/// input or its projection and h ends in a convolution or batch norm applied to it (the seed's ResidualBlock,
/// Q15/Q22/Q29). ResNet v1 applies the ReLU after the add: <c>relu(h + x)</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActivationBeforeResidualAddAnalyzer : TorchSharpAnalyzer
{
    private static readonly string[] PathLayers = { "Conv1d", "Conv2d", "Conv3d", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ActivationBeforeResidualAdd);

    /// <inheritdoc />
    private protected override void Register(CompilationStartAnalysisContext context, TorchSymbols torch) =>
        context.RegisterOperationAction(c => Analyze(c, torch), OperationKind.MethodBody);

    private static void Analyze(OperationAnalysisContext context, TorchSymbols torch)
    {
        if (Residual.BlockInput(context.ContainingSymbol, torch) is not { } input)
        {
            return;
        }
        foreach (var returned in Values.ReturnValues(context.Operation))
        {
            // The add itself is what is returned (inline or through a local): nothing runs after it.
            var add = Values.Resolve(returned);
            if (Residual.Operands(add, torch) is not ({ } left, { } right))
            {
                continue;
            }
            var (shortcut, path) = Residual.IsShortcut(left, input, torch) ? (left, right) : (right, left);
            if (!Residual.IsShortcut(shortcut, input, torch) || Relu(Values.Resolve(path), torch) is not { } relu)
            {
                continue;
            }
            var (activation, activated) = relu;
            if (Values.Resolve(activated) is not IInvocationOperation last || !Modules.IsModuleCall(last, torch)
                || !Modules.All(last.Instance!, torch, m => m.Is(PathLayers)) || !Residual.DependsOnParameter(activated, input))
            {
                continue;
            }
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.TorchSharpRules.ActivationBeforeResidualAdd, add.Syntax.GetLocation(),
                new[] { activation.Syntax.GetLocation(), activated.Syntax.GetLocation() },
                add.Syntax.ToString(), "relu(" + activated.Syntax + " + " + shortcut.Syntax + ")"));
        }
    }

    /// <summary>A ReLU and the tensor it is applied to: <c>x.relu()</c>, <c>relu(x)</c>/<c>nn.functional.relu(x)</c>, <c>reluModule.call(x)</c>.</summary>
    private static (IOperation Activation, IOperation Input)? Relu(IOperation value, TorchSymbols torch)
    {
        if (value is not IInvocationOperation call)
        {
            return null;
        }
        var method = call.TargetMethod;
        if (method.Name is "relu" or "relu_" && torch.IsTorchSharp(method))
        {
            var activated = method.IsStatic ? Values.Argument(call, 0) : call.Instance;
            return activated is not null && torch.IsTensor(activated.Type) ? (call, activated) : null;
        }
        return Modules.IsModuleCall(call, torch) && Modules.All(call.Instance!, torch, m => m.Is("ReLU")) && Values.Argument(call, 0) is { } argument
            ? (call, argument)
            : null;
    }
}
