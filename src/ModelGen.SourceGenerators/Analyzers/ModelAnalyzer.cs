using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelGen.SourceGenerators.Checking;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Models;
using ModelGen.SourceGenerators.Parsing;

namespace ModelGen.SourceGenerators.Analyzers;

/// <summary>
/// Reports every issue of a <c>[Model]</c> class (MG0001-MG0010). It runs the generator's own parser and
/// shape checker, so what it reports is exactly what the generator saw; reporting from an analyzer
/// rather than the generator keeps <c>#pragma</c>, .editorconfig severities and IDE performance working.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All.ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var modelAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.ModelAttribute);
            if (modelAttribute is null)
            {
                return;
            }
            // Submodels are parsed once per compilation, however many models use them.
            var submodels = new System.Collections.Concurrent.ConcurrentDictionary<string, ModelSpec?>(System.StringComparer.Ordinal);
            start.RegisterSyntaxNodeAction(node => AnalyzeClass(node, modelAttribute, submodels), SyntaxKind.ClassDeclaration);
        });
    }

    private static void AnalyzeClass(SyntaxNodeAnalysisContext context, INamedTypeSymbol modelAttribute, System.Collections.Concurrent.ConcurrentDictionary<string, ModelSpec?> submodels)
    {
        var declaration = (ClassDeclarationSyntax)context.Node;
        if (declaration.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
        {
            return;
        }
        // A partial class is analysed once: at the declaration that carries [Model].
        var attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, modelAttribute));
        if (attribute?.ApplicationSyntaxReference?.SyntaxTree != declaration.SyntaxTree
            || !declaration.Span.Contains(attribute.ApplicationSyntaxReference.Span))
        {
            return;
        }

        var spec = ModelParser.Parse(type, context.SemanticModel, context.CancellationToken);
        var semanticModel = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        ModelSpec? FindModel(string metadataName) => submodels.GetOrAdd(metadataName, name =>
            semanticModel.Compilation.GetTypeByMetadataName(name) is { } child
                && child.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, modelAttribute))
                ? ModelParser.Parse(child, semanticModel, cancellationToken)
                : null);
        var model = ModelChecker.Check(spec, FindModel, cancellationToken);
        foreach (var issue in model.Issues)
        {
            var descriptor = DiagnosticDescriptors.Find(issue.Id);
            if (descriptor is null)
            {
                continue;
            }
            var location = IssueLocations.Find(type, declaration, issue, context.CancellationToken);
            var properties = issue.Properties.Count == 0
                ? null
                : issue.Properties.ToImmutableDictionary(p => p.Name, p => (string?)p.Value, System.StringComparer.Ordinal);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, issue.MessageArguments.Cast<object>().ToArray()));
        }
    }
}
