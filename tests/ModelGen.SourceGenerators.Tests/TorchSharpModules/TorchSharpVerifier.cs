using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>
/// Runs every analyzer for hand-written TorchSharp code (MG01xx) over marked sources and asserts the exact
/// set of MG01xx diagnostics (and MG0003/MG0010, which hand-written modules get too):
/// <c>{|MG0101:model.call(x)|}</c> expects MG0101 on exactly that text, and everything unmarked must be
/// silent, so each test also checks that no other rule fires.
/// </summary>
internal static class TorchSharpVerifier
{
    public const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n\n";

    // Every analyzer ModelGen ships, so a silent case is silent for the ModelGen-model rules too.
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => Support.TestCompilation.AllAnalyzers;

    /// <summary>Verifies one file (the usings above are prepended).</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, params string[] allowedCompilerErrors) =>
        VerifyFilesAsync(new[] { markup }, allowedCompilerErrors);

    /// <summary>Verifies several files of one compilation (each gets the usings).</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyFilesAsync(string[] markups, params string[] allowedCompilerErrors)
    {
        var files = markups.Select(m => Markup.Parse(Usings + m)).ToList();
        var compilation = TestCompilation.Create(files.Select(f => f.Source).ToArray());
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !allowedCompilerErrors.Contains(d.Id)).ToList();
        Assert.True(errors.Count == 0, "Compiler errors:\n" + string.Join("\n", errors));

        var diagnostics = await AnalyzeAsync(compilation);
        var actual = diagnostics.Where(d => d.Id.StartsWith("MG01", StringComparison.Ordinal) || d.Id is "MG0003" or "MG0010")
            .Select(d => (File: d.Location.SourceTree!.FilePath, d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))
            .OrderBy(d => d.File).ThenBy(d => d.Start).ThenBy(d => d.Id).ToList();
        var want = files.SelectMany((f, i) => f.Expected.Select(e => (File: $"Model{i}.cs", e.Id, e.Start, e.Length)))
            .OrderBy(d => d.File).ThenBy(d => d.Start).ThenBy(d => d.Id).ToList();
        Assert.True(want.SequenceEqual(actual),
            "Expected:\n" + Describe(files, want) + "\nActual:\n" + Describe(files, actual) + "\nMessages:\n" +
            string.Join("\n", diagnostics.Select(d => d.ToString())));
        return diagnostics;
    }

    /// <summary>All MG01xx analyzers over a compilation; fails on any analyzer exception.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(exceptions.Count == 0, "Analyzer threw:\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    private static string Describe(List<(string Source, List<(string Id, int Start, int Length)> Expected)> files, List<(string File, string Id, int Start, int Length)> items) =>
        string.Join("\n", items.Select(d =>
        {
            var source = files[int.Parse(d.File.Substring(5, d.File.Length - 8), System.Globalization.CultureInfo.InvariantCulture)].Source;
            return $"  {d.Id} in {d.File} at {d.Start}: '{source.Substring(d.Start, d.Length)}'";
        }));
}
