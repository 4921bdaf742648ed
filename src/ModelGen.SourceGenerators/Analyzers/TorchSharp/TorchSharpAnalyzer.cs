using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelGen.SourceGenerators.Analyzers.TorchSharp;

/// <summary>
/// The common setup of the analyzers for hand-written TorchSharp code: concurrent, generated code
/// skipped, and nothing registered at all when the compilation does not reference TorchSharp.
/// </summary>
public abstract class TorchSharpAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (TorchSymbols.Resolve(start.Compilation) is { } torch)
            {
                Register(start, torch);
            }
        });
    }

    /// <summary>Registers the rule's actions; <paramref name="torch"/> holds the symbols resolved once for the compilation.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, TorchSymbols torch);
}
