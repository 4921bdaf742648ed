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
using Microsoft.CodeAnalysis.Editing;
using ModelGen.SourceGenerators.Analyzers.TorchSharp;
using ModelGen.SourceGenerators.Diagnostics;

namespace ModelGen.CodeFixes;

/// <summary>
/// MG0117: adds a projection shortcut to a residual block: two fields, a 1x1 Conv2d with the block's stride
/// and a BatchNorm2d, created where the block creates its other layers (field initializers, or the
/// constructor before <c>RegisterComponents()</c>, registering them by name when the block does), and
/// applied to the input in the add.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddProjectionShortcutFix)), Shared]
public sealed class AddProjectionShortcutFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TorchSharpRules.ResidualNeedsProjectionId);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var p = diagnostic.Properties;
            if (root is null || diagnostic.AdditionalLocations.Count != 1
                || !p.TryGetValue(ResidualProjectionAnalyzer.InChannelsProperty, out var inChannels) || inChannels is null
                || !p.TryGetValue(ResidualProjectionAnalyzer.OutChannelsProperty, out var outChannels) || outChannels is null
                || !p.TryGetValue(ResidualProjectionAnalyzer.StrideProperty, out var stride) || stride is null
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax identity
                || identity.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } block)
            {
                continue;
            }
            var projection = new Projection(inChannels, outChannels, stride);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a projection shortcut (1x1 Conv2d + BatchNorm2d)",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, block, identity, projection, context.Document.Project.Solution.Workspace, ct))),
                    nameof(AddProjectionShortcutFix)),
                diagnostic);
        }
    }

    private sealed class Projection
    {
        public Projection(string inChannels, string outChannels, string stride)
        {
            InChannels = inChannels;
            OutChannels = outChannels;
            Stride = stride;
        }

        public string InChannels { get; }

        public string OutChannels { get; }

        public string Stride { get; }
    }

    private static SyntaxNode Apply(SyntaxNode root, ClassDeclarationSyntax block, ExpressionSyntax identity, Projection projection, Workspace workspace, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fields = block.Members.OfType<FieldDeclarationSyntax>().ToList();
        bool snake = fields.SelectMany(f => f.Declaration.Variables).Any(v => v.Identifier.ValueText.Contains("_"));
        string convName = Unique(block, snake ? "shortcut_conv" : "shortcutConv");
        string bnName = Unique(block, snake ? "shortcut_bn" : "shortcutBn");

        // Create the layers the way the block creates its Conv2d: same qualifier (nn., torch.nn., none), same place.
        var convCreation = block.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Conv2d" } or IdentifierNameSyntax { Identifier.ValueText: "Conv2d" });
        string qualifier = convCreation?.Expression is MemberAccessExpressionSyntax access ? access.Expression + "." : "";
        string conv = $"{qualifier}Conv2d({projection.InChannels}, {projection.OutChannels}, 1, stride: {projection.Stride}, bias: false)";
        string bn = $"{qualifier}BatchNorm2d({projection.OutChannels})";
        string convType = TypeName(root, "Conv2d");
        string bnType = TypeName(root, "BatchNorm2d");

        var constructor = block.Members.OfType<ConstructorDeclarationSyntax>().FirstOrDefault(c => c.Body is not null && !c.Modifiers.Any(SyntaxKind.StaticKeyword));
        var fieldCreation = convCreation?.FirstAncestorOrSelf<FieldDeclarationSyntax>() is not null;
        bool inConstructor = !fieldCreation && constructor is not null;

        var anchor = fields.LastOrDefault();
        var indentation = (anchor ?? (MemberDeclarationSyntax?)block.Members.FirstOrDefault())?.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) ?? default;
        var endOfLine = SyntaxFactory.EndOfLine(root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n");
        MemberDeclarationSyntax Field(string type, string name, string? initializer) =>
            SyntaxFactory.ParseMemberDeclaration($"private readonly {type} {name}{(initializer is null ? "" : " = " + initializer)};")!
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(endOfLine);
        var newFields = new[] { Field(convType, convName, inConstructor ? null : conv), Field(bnType, bnName, inConstructor ? null : bn) };

        var editor = new SyntaxEditor(root, workspace.Services);
        editor.ReplaceNode(identity, SyntaxFactory.ParseExpression($"{bnName}.call({convName}.call({identity.WithoutTrivia()}))").WithTriviaFrom(identity));
        if (anchor is not null)
        {
            editor.InsertAfter(anchor, newFields);
        }
        else
        {
            editor.InsertMembers(block, 0, newFields);
        }
        if (inConstructor)
        {
            AddToConstructor(editor, constructor!, convName, conv, bnName, bn, endOfLine);
        }
        return editor.GetChangedRoot();
    }

    /// <summary>Assigns the new layers before <c>RegisterComponents()</c>, or at the end of the constructor with <c>register_module</c> calls when the block registers by name.</summary>
    private static void AddToConstructor(SyntaxEditor editor, ConstructorDeclarationSyntax constructor, string convName, string conv, string bnName, string bn, SyntaxTrivia endOfLine)
    {
        var body = constructor.Body!;
        var register = body.Statements.FirstOrDefault(s => s is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "RegisterComponents" } } });
        var indentation = body.Statements.FirstOrDefault()?.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) ?? default;
        StatementSyntax Statement(string text) => SyntaxFactory.ParseStatement(text).WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
        var statements = new List<StatementSyntax> { Statement($"{convName} = {conv};"), Statement($"{bnName} = {bn};") };
        if (register is not null)
        {
            editor.InsertBefore(register, statements);
            return;
        }
        statements.Add(Statement($"register_module(\"{convName}\", {convName});"));
        statements.Add(Statement($"register_module(\"{bnName}\", {bnName});"));
        if (body.Statements.LastOrDefault() is { } last)
        {
            editor.InsertAfter(last, statements);
        }
        else
        {
            editor.ReplaceNode(body, body.WithStatements(SyntaxFactory.List(statements)));
        }
    }

    /// <summary>The layer type as the file can name it: short with <c>using TorchSharp.Modules;</c>, qualified otherwise.</summary>
    private static string TypeName(SyntaxNode root, string name) =>
        root.DescendantNodes().OfType<UsingDirectiveSyntax>().Any(u => u.StaticKeyword == default && u.Alias is null && u.Name?.ToString() == "TorchSharp.Modules")
            ? name
            : "TorchSharp.Modules." + name;

    private static string Unique(ClassDeclarationSyntax block, string name)
    {
        var taken = new HashSet<string>(block.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText)
            .Concat(block.Members.OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.ValueText)));
        string candidate = name;
        for (int i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return candidate;
    }
}
