using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Checking;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Models;
using ModelGen.SourceGenerators.Parsing;

namespace ModelGen.SourceGenerators.Analyzers;

/// <summary>
/// MG0101 where a ModelGen model is trained: its generated <c>TrainStep</c> given a CrossEntropyLoss while the
/// model ends with a softmax (or a BCEWithLogitsLoss after a sigmoid), which applies the activation twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelTrainingAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ActivationBeforeLogitsLoss);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var modelAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.ModelAttribute);
            var crossEntropy = start.Compilation.GetTypeByMetadataName("TorchSharp.Modules.CrossEntropyLoss");
            var withLogits = start.Compilation.GetTypeByMetadataName("TorchSharp.Modules.BCEWithLogitsLoss");
            if (modelAttribute is null || (crossEntropy is null && withLogits is null))
            {
                return;
            }
            var activations = new ConcurrentDictionary<INamedTypeSymbol, string?>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (invocation.TargetMethod.Name != "TrainStep"
                    || invocation.TargetMethod.ContainingType is not { } model
                    || !model.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, modelAttribute)))
                {
                    return;
                }
                var loss = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "loss")?.Value;
                while (loss is IConversionOperation { IsImplicit: true } conversion)
                {
                    loss = conversion.Operand;
                }
                string? expects = SymbolEqualityComparer.Default.Equals(loss?.Type, crossEntropy) ? "softmax"
                    : SymbolEqualityComparer.Default.Equals(loss?.Type, withLogits) ? "sigmoid"
                    : null;
                if (expects is null || invocation.SemanticModel is not { } semanticModel)
                {
                    return;
                }
                string? activation = activations.GetOrAdd(model, type => ModelOutputs.FinalActivation(ModelParser.Parse(type, semanticModel, operation.CancellationToken)));
                if (activation == expects)
                {
                    operation.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TorchSharpRules.ActivationBeforeLogitsLoss, loss!.Syntax.GetLocation(),
                        model.Name, activation, loss.Type!.Name, "logits and applies " + activation + " itself"));
                }
            }, OperationKind.Invocation);
        });
    }
}
