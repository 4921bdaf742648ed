using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.SourceGenerators.Analyzers.TorchSharp;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.CodeFixes;

/// <summary>MG0106: inserts <c>model.eval();</c> before the inference (before its <c>using (torch.no_grad())</c>, when there is one).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddEvalFix)), Shared]
public sealed class AddEvalFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.MissingEvalId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || diagnostic.AdditionalLocations.Count != 1
                || !diagnostic.Properties.TryGetValue(MissingEvalAnalyzer.ModelProperty, out var model) || model is null
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan) is not StatementSyntax anchor
                || anchor.Parent is not BlockSyntax)
            {
                continue;
            }
            string call = model.Length == 0 ? "eval();" : model + ".eval();";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Call {call.TrimEnd(';')} before inference",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(Insert(root, anchor, call, ct))),
                    nameof(AddEvalFix)),
                diagnostic);
        }
    }

    private static SyntaxNode Insert(SyntaxNode root, StatementSyntax anchor, string call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The new statement takes the anchor's indentation; the anchor keeps its own comments.
        var indentation = anchor.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        var endOfLine = anchor.GetFirstToken().GetPreviousToken().TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var statement = SyntaxFactory.ParseStatement(call)
            .WithLeadingTrivia(indentation == default ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
            .WithTrailingTrivia(endOfLine == default ? SyntaxFactory.CarriageReturnLineFeed : endOfLine);
        return root.InsertNodesBefore(anchor, new[] { statement });
    }
}
