using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ModelGen.SourceGenerators.Models;
using ModelGen.SourceGenerators.Parsing;

namespace ModelGen.SourceGenerators.Analyzers;

/// <summary>Turns an issue's target (an index into the model, a span relative to a declaration) back into source locations.</summary>
internal static class IssueLocations
{
    public static Location Find(INamedTypeSymbol type, ClassDeclarationSyntax declaration, ModelIssue issue, CancellationToken cancellationToken)
    {
        var target = issue.Target;
        var fallback = declaration.Identifier.GetLocation();
        switch (target.Kind)
        {
            case IssueTargetKind.Input:
                var input = ModelParser.InputAttributes(type).ElementAtOrDefault(target.Index);
                if (input?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax inputSyntax)
                {
                    return fallback;
                }
                var shapeArgument = inputSyntax.ArgumentList?.Arguments.ElementAtOrDefault(1)?.Expression;
                if (shapeArgument is null || issue.Id != Diagnostics.DiagnosticDescriptors.InvalidShapeTextId)
                {
                    return inputSyntax.GetLocation();
                }
                return target.Span.Start >= 0 ? InsideString(shapeArgument, target.Span) : shapeArgument.GetLocation();

            case IssueTargetKind.Layer:
            case IssueTargetKind.LayerType:
                var layer = ModelParser.LayerProperties(type).ElementAtOrDefault(target.Index);
                if (layer.Property is null)
                {
                    return fallback;
                }
                if (target.Kind == IssueTargetKind.LayerType)
                {
                    return (layer.Property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as PropertyDeclarationSyntax)?.Type.GetLocation()
                        ?? layer.Property.Locations.First();
                }
                if (layer.Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax layerSyntax)
                {
                    return layer.Property.Locations.First();
                }
                return Argument(layerSyntax, layer.Attribute, target.Argument)?.GetLocation() ?? layerSyntax.GetLocation();

            case IssueTargetKind.Forward:
            case IssueTargetKind.ForwardCode:
                var method = ModelParser.ForwardMethod(type);
                if (method?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax methodSyntax)
                {
                    return fallback;
                }
                if (target.Kind == IssueTargetKind.Forward || target.Span.Start < 0)
                {
                    return methodSyntax.Identifier.GetLocation();
                }
                return Location.Create(methodSyntax.SyntaxTree, new TextSpan(methodSyntax.SpanStart + target.Span.Start, target.Span.Length));

            default:
                return fallback;
        }
    }

    /// <summary>Points into a string literal when its characters map one to one onto its value (no escapes).</summary>
    private static Location InsideString(ExpressionSyntax expression, SourceSpan span)
    {
        if (expression is LiteralExpressionSyntax { Token: var token } && token.IsKind(SyntaxKind.StringLiteralToken))
        {
            int quote = token.Text.StartsWith("@", System.StringComparison.Ordinal) ? 2 : 1;
            string raw = token.Text.Substring(quote, System.Math.Max(0, token.Text.Length - quote - 1));
            if (raw == token.ValueText && span.Start + span.Length <= raw.Length)
            {
                return Location.Create(expression.SyntaxTree, new TextSpan(token.SpanStart + quote + span.Start, System.Math.Max(span.Length, 0)));
            }
        }
        return expression.GetLocation();
    }

    private static AttributeArgumentSyntax? Argument(AttributeSyntax syntax, AttributeData attribute, string? name)
    {
        if (name is null || syntax.ArgumentList is null)
        {
            return null;
        }
        var named = syntax.ArgumentList.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named;
        }
        var parameters = attribute.AttributeConstructor?.Parameters ?? default;
        if (parameters.IsDefault)
        {
            return null;
        }
        var positional = syntax.ArgumentList.Arguments.Where(a => a.NameEquals is null).ToList();
        for (int i = 0; i < positional.Count && i < parameters.Length; i++)
        {
            var argumentName = positional[i].NameColon?.Name.Identifier.ValueText ?? parameters[i].Name;
            if (string.Equals(argumentName, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return positional[i];
            }
        }
        return null;
    }
}
