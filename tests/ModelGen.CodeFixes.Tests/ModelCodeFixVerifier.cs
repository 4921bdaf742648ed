using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ModelGen.SourceGenerators.Analyzers;
using ModelGen.SourceGenerators.Generators;

namespace ModelGen.CodeFixes.Tests;

/// <summary>
/// A code-fix test over ModelGen <c>[Model]</c> classes: ModelAnalyzer reports, ModelGenerator runs (so the partial
/// layer properties have their generated parts, as in a real build) and ModelGen.dll is referenced. The fixed
/// state is checked the same way: it must compile and carry exactly the diagnostics its markup names.
/// </summary>
internal static class ModelCodeFixVerifier<TFix>
    where TFix : CodeFixProvider, new()
{
    public const string Usings = "using ModelGen;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n\n";

    /// <summary>One file before (with <c>{|MG0002:...|}</c> markup) and after the fix; pass the same text for "no fix offered".</summary>
    public static async Task VerifyAsync(string source, string fixedSource)
    {
        var test = new Test { ReferenceAssemblies = new ReferenceAssemblies("net10.0") };
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        test.TestState.Sources.Add(("Model.cs", Usings + source));
        test.FixedState.Sources.Add(("Model.cs", Usings + fixedSource));
        var references = new List<MetadataReference>(CodeFixVerifier<ModelAnalyzer, TFix>.References)
        {
            MetadataReference.CreateFromFile(typeof(ModelAttribute).Assembly.Location),
        };
        test.TestState.AdditionalReferences.AddRange(references);
        test.FixedState.AdditionalReferences.AddRange(references);
        await test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpCodeFixTest<ModelAnalyzer, TFix, DefaultVerifier>
    {
        protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(ModelGenerator) };
    }
}
