using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ModelGen.SourceGenerators.Analyzers.TorchSharp;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.CodeFixes;

/// <summary>
/// MG0101: removes the softmax or sigmoid that feeds a loss expecting logits, wherever the analyzer
/// found it (in the training code, or at the end of the model's forward in another file). For NLLLoss,
/// which expects log-probabilities, it replaces softmax with log_softmax instead, keeping the dim.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RemoveActivationBeforeLogitsLossFix)), Shared]
public sealed class RemoveActivationBeforeLogitsLossFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ActivationBeforeLogitsLossId);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ActivationBeforeLogitsLossAnalyzer.FormsProperty, out var forms) || forms is null
                || forms.Split(';').Length != diagnostic.AdditionalLocations.Count)
            {
                continue;
            }
            if (diagnostic.Properties.ContainsKey(ActivationBeforeLogitsLossAnalyzer.LogProbabilitiesProperty))
            {
                // Removing the softmax would feed NLLLoss logits; its log is what it wants. A Softmax module held in a
                // field (ModuleCall) would need its declaration changed too, so it gets no fix.
                if (forms.Split(';').All(f => f != nameof(ActivationForm.ModuleCall)))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Replace softmax with log_softmax: NLLLoss expects log-probabilities",
                            ct => RewriteAsync(context.Document.Project.Solution, diagnostic, forms.Split(';'), ToLogSoftmax, ct),
                            nameof(RemoveActivationBeforeLogitsLossFix) + ".LogSoftmax"),
                        diagnostic);
                }
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the activation: the loss applies it itself",
                    ct => RewriteAsync(context.Document.Project.Solution, diagnostic, forms.Split(';'), Remove, ct),
                    nameof(RemoveActivationBeforeLogitsLossFix)),
                diagnostic);
        }
        return Task.CompletedTask;
    }

    private delegate void Edit(Microsoft.CodeAnalysis.Editing.SyntaxEditor editor, SemanticModel model, SyntaxNode node, string form, CancellationToken cancellationToken);

    private static async Task<Solution> RewriteAsync(Solution solution, Diagnostic diagnostic, string[] forms, Edit edit, CancellationToken cancellationToken)
    {
        var sites = diagnostic.AdditionalLocations.Select((location, i) => (location, form: forms[i]))
            .Where(s => s.location.SourceTree is not null)
            .GroupBy(s => s.location.SourceTree!);
        foreach (var group in sites)
        {
            var document = solution.GetDocument(group.Key);
            if (document is null)
            {
                continue;
            }
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }
            var editor = new Microsoft.CodeAnalysis.Editing.SyntaxEditor(root, solution.Workspace.Services);
            foreach (var (location, form) in group)
            {
                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                edit(editor, model, node, form, cancellationToken);
            }
            solution = solution.WithDocumentSyntaxRoot(document.Id, editor.GetChangedRoot());
        }
        return solution;
    }

    /// <summary>The list without one argument and one separator: the one before it when it is last, so the closing parenthesis follows the new last argument.</summary>
    private static ArgumentListSyntax WithoutArgument(ArgumentListSyntax list, int index)
    {
        var arguments = list.Arguments;
        var nodes = arguments.Where((_, i) => i != index).ToList();
        int dropped = index == arguments.Count - 1 ? index - 1 : index;
        var separators = arguments.GetSeparators().Where((_, i) => i != dropped).ToList();
        return list.WithArguments(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.SeparatedList(nodes, separators));
    }

    private static void Remove(Microsoft.CodeAnalysis.Editing.SyntaxEditor editor, SemanticModel model, SyntaxNode node, string form, CancellationToken cancellationToken)
    {
        switch (form)
        {
            case nameof(ActivationForm.TensorMethod) when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                editor.ReplaceNode(invocation, access.Expression.WithTriviaFrom(invocation));
                break;
            case nameof(ActivationForm.Function) or nameof(ActivationForm.ModuleCall) when node is InvocationExpressionSyntax invocation
                && model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                && operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.Syntax is ExpressionSyntax input:
                editor.ReplaceNode(invocation, input.WithTriviaFrom(invocation));
                break;
            case nameof(ActivationForm.SequentialElement):
                // The element is an argument of nn.Sequential(...), or the module inside a ("name", module) tuple argument.
                var argument = node.AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault(a => a.Parent is ArgumentListSyntax);
                if (argument?.Parent is ArgumentListSyntax list)
                {
                    editor.ReplaceNode(list, WithoutArgument(list, list.Arguments.IndexOf(argument)));
                }
                break;
        }
    }

    /// <summary><c>x.softmax(1)</c> to <c>x.log_softmax(1)</c>, <c>softmax(x, 1)</c> to <c>log_softmax(x, 1)</c> (or <c>nn.functional.log_softmax</c> where the softmax's class has none), <c>nn.Softmax(1)</c> to <c>nn.LogSoftmax(1)</c>.</summary>
    private static void ToLogSoftmax(Microsoft.CodeAnalysis.Editing.SyntaxEditor editor, SemanticModel model, SyntaxNode node, string form, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax invocation)
        {
            return;
        }
        var callee = invocation.Expression is MemberAccessExpressionSyntax access ? access.Name : invocation.Expression as SimpleNameSyntax;
        if (callee is null)
        {
            return;
        }
        string replacement = form == nameof(ActivationForm.SequentialElement) ? "LogSoftmax" : "log_softmax";
        if (form == nameof(ActivationForm.Function)
            && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
            && method.ContainingType.GetMembers("log_softmax").IsEmpty)
        {
            editor.ReplaceNode(invocation.Expression, Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression("torch.nn.functional.log_softmax").WithTriviaFrom(invocation.Expression));
            return;
        }
        editor.ReplaceNode(callee, Microsoft.CodeAnalysis.CSharp.SyntaxFactory.IdentifierName(replacement).WithTriviaFrom(callee));
    }
}
