using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelGen.SourceGenerators.Checking;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Parsing;

namespace ModelGen.CodeFixes;

/// <summary>
/// MG0002 on a residual add in a ModelGen <c>[Forward]</c> body, when the analyzer found that a projection fits
/// (<see cref="ResidualProjection"/>): adds a <c>[Conv2d(channels, Kernel = 1, Stride = s, Bias = false)]</c> layer
/// and a <c>[BatchNorm2d]</c> after the model's last layer property, and applies them to the shortcut operand.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddModelProjectionShortcutFix)), Shared]
public sealed class AddModelProjectionShortcutFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ShapeMismatchId);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var p = diagnostic.Properties;
            if (root is null
                || !p.TryGetValue(ResidualProjection.ChannelsProperty, out var channels) || channels is null
                || !int.TryParse(p.TryGetValue(ResidualProjection.StrideProperty, out var s) ? s : null, NumberStyles.None, CultureInfo.InvariantCulture, out int stride)
                || !int.TryParse(p.TryGetValue(ResidualProjection.ShortcutStartProperty, out var o) ? o : null, NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
                || !int.TryParse(p.TryGetValue(ResidualProjection.ShortcutLengthProperty, out var l) ? l : null, NumberStyles.None, CultureInfo.InvariantCulture, out int length))
            {
                continue;
            }
            var span = new TextSpan(diagnostic.Location.SourceSpan.Start + offset, length);
            if (!root.FullSpan.Contains(span)
                || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax shortcut || shortcut.Span != span
                || shortcut.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } model)
            {
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a projection shortcut (1x1 Conv2d + BatchNorm2d layers)",
                    ct => ApplyAsync(context.Document, root, model, shortcut, channels, stride, ct),
                    nameof(AddModelProjectionShortcutFix)),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, SyntaxNode root, ClassDeclarationSyntax model, ExpressionSyntax shortcut, string channels, int stride, CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (semanticModel?.GetDeclaredSymbol(model, cancellationToken) is not { } type)
        {
            return document;
        }

        // After the last layer property of this declaration, in its style (modifiers, indentation).
        var anchor = ModelParser.LayerProperties(type)
            .SelectMany(l => l.Property.DeclaringSyntaxReferences)
            .Where(r => r.SyntaxTree == model.SyntaxTree && model.Span.Contains(r.Span))
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<PropertyDeclarationSyntax>()
            .OrderBy(d => d.SpanStart)
            .LastOrDefault();
        string modifiers = anchor is null ? "public partial" : anchor.Modifiers.ToString();
        var indentation = (anchor ?? (MemberDeclarationSyntax?)model.Members.FirstOrDefault())?.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) ?? default;
        var endOfLine = SyntaxFactory.EndOfLine(root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n");

        var (convName, bnName) = Names(type);
        string size = long.TryParse(channels, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? channels : $"nameof({channels})";
        string strideArgument = stride == 1 ? "" : $", Stride = {stride.ToString(CultureInfo.InvariantCulture)}";
        int position = (anchor ?? (SyntaxNode)model).SpanStart;
        MemberDeclarationSyntax Property(string text) =>
            SyntaxFactory.ParseMemberDeclaration(text)!.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
        var layers = new[]
        {
            Property($"[Conv2d({size}, Kernel = 1{strideArgument}, Bias = false)] {modifiers} {TypeName(semanticModel, position, "Conv2d")} {convName} {{ get; }}"),
            Property($"[BatchNorm2d] {modifiers} {TypeName(semanticModel, position, "BatchNorm2d")} {bnName} {{ get; }}"),
        };

        var projected = SyntaxFactory.ParseExpression($"{bnName}.call({convName}.call({shortcut.WithoutTrivia()}))").WithTriviaFrom(shortcut);
        var tracked = anchor is null ? model.TrackNodes(shortcut) : model.TrackNodes(shortcut, anchor);
        var newModel = tracked.ReplaceNode(tracked.GetCurrentNode(shortcut)!, projected);
        newModel = anchor is not null && newModel.GetCurrentNode(anchor) is { } newAnchor
            ? newModel.InsertNodesAfter(newAnchor, layers)
            : newModel.WithMembers(newModel.Members.InsertRange(0, layers));
        return document.WithSyntaxRoot(root.ReplaceNode(model, newModel));
    }

    /// <summary><c>Projection</c>/<c>ProjectionBN</c>, or numbered (<c>Projection2</c>/<c>Projection2BN</c>) when a member already has either name.</summary>
    private static (string Conv, string Norm) Names(INamedTypeSymbol type)
    {
        var taken = type.MemberNames.ToImmutableHashSet();
        for (int i = 1; ; i++)
        {
            string conv = i == 1 ? "Projection" : "Projection" + i.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(conv) && !taken.Contains(conv + "BN"))
            {
                return (conv, conv + "BN");
            }
        }
    }

    /// <summary>The layer type as the file can name it: short when it binds to TorchSharp's module there, qualified otherwise.</summary>
    private static string TypeName(SemanticModel semanticModel, int position, string name) =>
        semanticModel.LookupNamespacesAndTypes(position, name: name) is { Length: 1 } found && found[0].ToDisplayString() == "TorchSharp.Modules." + name
            ? name
            : "TorchSharp.Modules." + name;
}
