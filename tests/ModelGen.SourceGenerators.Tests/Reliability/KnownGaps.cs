using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelGen.SourceGenerators.Emitting;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// The ways the fuzzer found in which generated code fails to compile while the user's code shows no
/// error (no compiler error, no MG error), reported to the generator's owner and listed as open in
/// docs/reliability.md. Each is recognised from the mutant's syntax; any other such failure fails
/// the fuzz test. When one is fixed, delete it here: its count in the fuzz summary is then zero.
/// </summary>
internal static class KnownGaps
{
    /// <summary>The gap that explains a generated-code-only error in this mutant, or null when none does.</summary>
    public static string? Classify(SyntaxTree user) =>
        ShadowingType(user.GetRoot()) is not null ? "a namespace or type of the user's shadows a TorchSharp name the generated code uses" : null;

    /// <summary>
    /// A namespace (by any of its parts) or a type the user declares under a name the generated code uses
    /// unqualified. (Members of the model with such names, or named like generated members, and inputs named
    /// like generated parameters are MG0007 errors.)
    /// </summary>
    private static string? ShadowingType(SyntaxNode user) => user.DescendantNodes()
        .Select(node => node switch
        {
            BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
            BaseTypeDeclarationSyntax type => type.Identifier.Text,
            _ => null,
        })
        .SelectMany(name => name?.Split('.') ?? Array.Empty<string>())
        .Select(part => part.Trim().TrimStart('@'))
        .FirstOrDefault(GeneratedNames.Unqualified.Contains);
}
