using System.Collections.Generic;
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
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.CodeFixes;

/// <summary>
/// MG0118: moves the ReLU after the residual add, <c>relu(h) + x</c> to <c>relu(h + x)</c>, whatever the
/// activation's form (<c>h.relu()</c>, <c>nn.functional.relu(h)</c>, <c>relu.call(h)</c>). Offered only when
/// the activation is written inline as an operand of the add; through a local, the block needs reading.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveActivationAfterResidualAddFix)), Shared]
public sealed class MoveActivationAfterResidualAddFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ActivationBeforeResidualAddId);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Rewrite(root, diagnostic) is not { } rewrite)
            {
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Apply the ReLU after the residual add",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(rewrite.Add, rewrite.Replacement))),
                    nameof(MoveActivationAfterResidualAddFix)),
                diagnostic);
        }
    }

    /// <summary>The add and what replaces it, or null when the activation is not an inline operand of the add.</summary>
    private static (ExpressionSyntax Add, ExpressionSyntax Replacement)? Rewrite(SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax add)
        {
            return null;
        }
        // The hand-written rule locates the ReLU and its input; ModelAnalyzer's MG0118 (a [Forward] body) does not, and
        // the ReLU is read from the add's operands: relu(h) or h.relu().
        var (activation, input) = diagnostic.AdditionalLocations.Count == 2
            ? (root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) as InvocationExpressionSyntax,
                root.FindNode(diagnostic.AdditionalLocations[1].SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax)
            : InlineRelu(add);
        if (activation is null || input is null || !IsOperand(activation, add) || !activation.Span.Contains(input.Span))
        {
            return null;
        }
        var sum = add.ReplaceNode(activation, input.WithTriviaFrom(activation)).WithoutTrivia();
        // As the receiver of h.relu(), the sum needs parentheses: (h + x).relu().
        ExpressionSyntax inner = input.Parent is MemberAccessExpressionSyntax access && access.Expression == input && sum is BinaryExpressionSyntax
            ? SyntaxFactory.ParenthesizedExpression(sum)
            : sum;
        return (add, activation.ReplaceNode(input, inner.WithTriviaFrom(input)).WithTriviaFrom(add));
    }

    /// <summary>The one operand of the add written as <c>relu(h)</c> (any qualifier) or <c>h.relu()</c>, with its input.</summary>
    private static (InvocationExpressionSyntax?, ExpressionSyntax?) InlineRelu(ExpressionSyntax add)
    {
        IEnumerable<ExpressionSyntax> operands = add switch
        {
            BinaryExpressionSyntax binary => new[] { binary.Left, binary.Right },
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation =>
                invocation.ArgumentList.Arguments.Select(a => a.Expression).Prepend(member.Expression),
            _ => Enumerable.Empty<ExpressionSyntax>(),
        };
        var found = operands.Select(Unparenthesized).OfType<InvocationExpressionSyntax>().Select(invocation => invocation switch
        {
            { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "relu" } member, ArgumentList.Arguments.Count: 0 } => (invocation, member.Expression),
            { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "relu" } or IdentifierNameSyntax { Identifier.ValueText: "relu" }, ArgumentList.Arguments.Count: 1 } =>
                (invocation, invocation.ArgumentList.Arguments[0].Expression),
            _ => ((InvocationExpressionSyntax?)null, (ExpressionSyntax?)null),
        }).Where(r => r.Item1 is not null).ToList();
        return found.Count == 1 ? found[0] : (null, null);
    }

    private static ExpressionSyntax Unparenthesized(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }
        return expression;
    }

    /// <summary>Whether the activation is one of the add's two operands: a side of <c>+</c>, or the receiver or argument of <c>add</c>.</summary>
    private static bool IsOperand(ExpressionSyntax activation, ExpressionSyntax add)
    {
        SyntaxNode operand = activation;
        while (operand.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            operand = parenthesized;
        }
        return add switch
        {
            BinaryExpressionSyntax binary => binary.Left == operand || binary.Right == operand,
            InvocationExpressionSyntax invocation => (invocation.Expression is MemberAccessExpressionSyntax member && member.Expression == operand)
                || invocation.ArgumentList.Arguments.Any(a => a.Expression == operand),
            _ => false,
        };
    }
}
