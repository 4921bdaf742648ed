using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// The ways the fuzzer found in which generated code fails to compile while the user's code shows no
/// error (no compiler error, no MG error), reported to the generator's owner and listed as open in
/// docs/reliability.md. Each is recognised from the mutant's syntax; any other such failure fails
/// the fuzz test. When one is fixed, delete it here: its count in the fuzz summary is then zero.
/// </summary>
internal static class KnownGaps
{
    /// <summary>
    /// Names the emitter writes without qualifying them (usings aside: those bind from the global namespace,
    /// and ModelGen's own types are written global::); a user declaration of one shadows it.
    /// </summary>
    private static readonly HashSet<string> Unqualified = new(StringComparer.Ordinal) { "nn", "torch", "optim", "Tensor", "Parameter", "no_grad", "NewDisposeScope" };

    /// <summary>The gap that explains a generated-code-only error in this mutant, or null when none does.</summary>
    public static string? Classify(SyntaxTree user, IReadOnlyList<SyntaxTree> generated)
    {
        var root = user.GetRoot();
        if (NameCollision(root, generated) is not null)
        {
            return "a user name collides with or shadows a name of the generated code";
        }
        if (Attributes(root, "Input").Any(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
                && literal.Kind() is SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression))
        {
            return "an [Input] named null or default gets a parameter without a name";
        }
        if (Attributes(root, "Hyperparameter").Any(a => a.ArgumentList?.Arguments.Any(arg => arg.Expression.ToString() is var text
                && (text.Contains("NaN", StringComparison.Ordinal) || text.Contains("Infinity", StringComparison.Ordinal))) == true))
        {
            return "a hyperparameter default of NaN or infinity is emitted as a bare NaN/Infinity";
        }
        if (root.DescendantNodes().OfType<ClassDeclarationSyntax>().Any(OptionalHyperparameterFirst))
        {
            return "a hyperparameter with a Default before one without makes an optional constructor parameter come first";
        }
        return null;
    }

    private static IEnumerable<AttributeSyntax> Attributes(SyntaxNode root, string name) =>
        root.DescendantNodes().OfType<AttributeSyntax>().Where(a => a.Name.ToString() == name || a.Name.ToString() == name + "Attribute");

    private static bool OptionalHyperparameterFirst(ClassDeclarationSyntax type)
    {
        bool optionalSeen = false;
        foreach (var property in type.Members.OfType<PropertyDeclarationSyntax>())
        {
            var hyperparameter = property.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a => a.Name.ToString() == "Hyperparameter");
            if (hyperparameter is null)
            {
                continue;
            }
            bool optional = hyperparameter.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.Text == "Default") == true;
            if (!optional && optionalSeen)
            {
                return true;
            }
            optionalSeen |= optional;
        }
        return false;
    }

    /// <summary>
    /// A name the user declares that the generated code declares for itself (a member, or a local next to
    /// the input parameters) or uses unqualified; the user's own partial members are not collisions.
    /// </summary>
    private static string? NameCollision(SyntaxNode user, IReadOnlyList<SyntaxTree> generated)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        var locals = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in generated.SelectMany(t => t.GetRoot().DescendantNodes()))
        {
            switch (node)
            {
                case FieldDeclarationSyntax field:
                    members.UnionWith(field.Declaration.Variables.Select(v => v.Identifier.Text));
                    break;
                case MethodDeclarationSyntax method:
                    members.Add(method.Identifier.Text);
                    break;
                case PropertyDeclarationSyntax property when !property.Modifiers.Any(SyntaxKind.PartialKeyword):
                    members.Add(property.Identifier.Text);
                    break;
                case VariableDeclaratorSyntax local when local.Parent?.Parent is LocalDeclarationStatementSyntax:
                    locals.Add(local.Identifier.Text);
                    break;
            }
        }

        foreach (var node in user.DescendantNodes())
        {
            var (name, scopes) = node switch
            {
                BaseNamespaceDeclarationSyntax ns => (ns.Name.ToString(), Unqualified),
                ClassDeclarationSyntax type => (type.Identifier.Text, members),
                PropertyDeclarationSyntax property => (property.Identifier.Text, members),
                MethodDeclarationSyntax method => (method.Identifier.Text, members),
                FieldDeclarationSyntax field => (field.Declaration.Variables.First().Identifier.Text, members),
                ParameterSyntax parameter => (parameter.Identifier.Text, locals),
                AttributeSyntax { Name: var attributeName, ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax input }, ..] }
                    when attributeName.ToString() == "Input" => (input.Token.ValueText, locals),
                _ => ((string?)null, (HashSet<string>?)null),
            };
            if (name is null || scopes is null)
            {
                continue;
            }
            // A namespace shadows by any of its parts; other names by themselves, also against the unqualified names.
            foreach (var part in name.Split('.'))
            {
                string bare = part.Trim().TrimStart('@');
                if (scopes.Contains(bare) || Unqualified.Contains(bare))
                {
                    return bare;
                }
            }
        }
        return null;
    }
}
