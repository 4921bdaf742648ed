using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.CodeFixes;

/// <summary>MG0102: detaches the generated samples the discriminator's loss is computed on (<c>fake</c> becomes <c>fake.detach()</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DetachGeneratedSamplesFix)), Shared]
public sealed class DetachGeneratedSamplesFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.GeneratedSamplesNotDetachedId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax samples)
            {
                continue;
            }
            if (samples.Parent is ArgumentSyntax argument && argument.Span == samples.Span)
            {
                samples = argument.Expression;
            }
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Detach the generated samples",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(samples, Detached(samples)))),
                    nameof(DetachGeneratedSamplesFix)),
                diagnostic);
        }
    }

    private static ExpressionSyntax Detached(ExpressionSyntax samples)
    {
        var receiver = samples.WithoutTrivia();
        if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax))
        {
            receiver = SyntaxFactory.ParenthesizedExpression(receiver);
        }
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("detach")))
            .WithTriviaFrom(samples);
    }
}
