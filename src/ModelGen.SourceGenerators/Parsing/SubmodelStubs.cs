using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.SourceGenerators.Emitting;
using ModelGen.SourceGenerators.Models;

namespace ModelGen.SourceGenerators.Parsing;

/// <summary>
/// A [Forward] body that calls a [Submodel] (<c>Encoder.call(x)</c>) cannot bind in the compilation the
/// generator reads: the submodel's base class, which declares <c>call</c>, is what the generator is about
/// to write. For such a body, the parser reads it in a copy of the compilation that declares each
/// submodel's generated base class (and nothing else), so the call, its tuple and its elements bind as
/// they will in the build.
/// </summary>
internal static class SubmodelStubs
{
    /// <summary>A semantic model in which the submodels called by <paramref name="method"/> have their generated base class.</summary>
    public static SemanticModel Bind(SemanticModel semanticModel, INamedTypeSymbol model, MethodDeclarationSyntax method, List<LayerSpec> layers, CancellationToken cancellationToken)
    {
        if (!layers.Any(l => l.Kind == "Submodel"))
        {
            return semanticModel;
        }
        var called = new HashSet<string>(method.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => i.Expression).OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Name.Identifier.ValueText is "call" or "forward")
            .Select(m => m.Expression switch
            {
                IdentifierNameSyntax name => name.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                _ => "",
            }), System.StringComparer.Ordinal);
        var stubs = new StringBuilder();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var layer in layers.Where(l => l.Kind == "Submodel" && called.Contains(l.PropertyName)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (model.GetMembers(layer.PropertyName).OfType<IPropertySymbol>().FirstOrDefault()?.Type is INamedTypeSymbol child
                && seen.Add(child) && NeedsStub(child))
            {
                stubs.AppendLine(Stub(child));
            }
        }
        if (stubs.Length == 0)
        {
            return semanticModel;
        }
        var tree = CSharpSyntaxTree.ParseText(stubs.ToString(), (CSharpParseOptions)method.SyntaxTree.Options, cancellationToken: cancellationToken);
        return semanticModel.Compilation.AddSyntaxTrees(tree).GetSemanticModel(method.SyntaxTree);
    }

    /// <summary>A partial [Model] class whose generated part (with its base class) is not in the compilation yet.</summary>
    private static bool NeedsStub(INamedTypeSymbol child) =>
        child.BaseType?.SpecialType == SpecialType.System_Object
        && !child.IsGenericType
        && child.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.ModelAttribute)
        && child.DeclaringSyntaxReferences.Length > 0
        && child.DeclaringSyntaxReferences.All(r => r.GetSyntax() is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword))
        && Containers(child).All(c => !c.IsGenericType && c.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword)));

    /// <summary><c>namespace N { partial class Outer { partial class Child : nn.Module&lt;Tensor, TOutput&gt; { } } }</c>, as the emitter writes it.</summary>
    private static string Stub(INamedTypeSymbol child)
    {
        int inputs = System.Math.Max(1, child.GetAttributes().Count(a => a.AttributeClass?.ToDisplayString() == KnownNames.InputAttribute));
        var outputs = ModelParser.ForwardMethod(child) is { } forward ? ModelParser.Outputs(forward.ReturnType, out _) : EquatableArray<string>.Empty;
        string code = $"partial class {Escape(child.Name)} : global::TorchSharp.torch.nn.Module<{string.Join(", ", Enumerable.Repeat(Code.TensorType(qualified: true), inputs))}, {Code.OutputType(outputs, qualified: true)}> {{ }}";
        foreach (var container in Containers(child))
        {
            string keyword = container.TypeKind switch
            {
                TypeKind.Struct => container.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => container.IsRecord ? "record" : "class",
            };
            code = $"partial {keyword} {Escape(container.Name)} {{ {code} }}";
        }
        return child.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? $"namespace {string.Join(".", ns.ToDisplayParts().Where(p => p.Kind == SymbolDisplayPartKind.NamespaceName).Select(p => Escape(p.ToString())))} {{ {code} }}"
            : code;
    }

    private static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    private static IEnumerable<INamedTypeSymbol> Containers(INamedTypeSymbol type)
    {
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            yield return outer;
        }
    }
}
