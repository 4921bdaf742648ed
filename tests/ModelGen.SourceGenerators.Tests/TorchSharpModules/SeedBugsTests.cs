using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>
/// samples/SeedBugs: the seed document's buggy snippets ported to TorchSharp get exactly the diagnostics
/// listed here (id and line), each also marked by a <c>// MGxxxx</c> comment on its line; their fixed twins
/// get none. The files are compiled in memory, so the buggy ones need not build.
/// </summary>
public class SeedBugsTests
{
    private static readonly (string File, int Line, string Id)[] Expected =
    {
        ("Attention.cs", 15, "MG0111"),
        ("Attention.cs", 16, "MG0111"),
        ("Attention.cs", 17, "MG0111"),
        ("BatchNormalization.cs", 14, "MG0109"),
        ("BatchNormalization.cs", 32, "MG0108"),
        ("BatchNormalization.cs", 33, "MG0108"),
        ("BatchNormalization.cs", 40, "MG0107"),
        ("Classifier.cs", 25, "MG0101"),
        ("Disconnected.cs", 21, "MG0003"),
        ("Disconnected.cs", 21, "MG0003"),
        ("Disconnected.cs", 28, "MG0010"),
        ("Gan.cs", 21, "MG0113"),
        ("Gan.cs", 22, "MG0114"),
        ("Gan.cs", 34, "MG0114"),
        ("Gan.cs", 50, "MG0102"),
        ("Gan.cs", 63, "MG0103"),
        ("Recurrent.cs", 21, "MG0112"),
        ("Regularization.cs", 28, "MG0106"),
        ("Regularization.cs", 41, "MG0110"),
        ("ResNet.cs", 33, "MG0116"),
        ("ResNet.cs", 37, "MG0115"),
        ("ResNet.cs", 54, "MG0117"),
        ("ResNet.cs", 90, "MG0117"),
        ("ResNet.cs", 91, "MG0117"),
        ("ResNet.cs", 114, "MG0118"),
        ("Transfer.cs", 19, "MG0105"),
        ("Transfer.cs", 22, "MG0104"),
        ("ModelGenModels.cs", 22, "MG0115"),
        ("ModelGenModels.cs", 34, "MG0002"),
        ("ModelGenModels.cs", 43, "MG0113"),
        ("ModelGenModels.cs", 44, "MG0002"),
        ("ModelGenModels.cs", 50, "MG0003"),
        ("ModelGenModels.cs", 54, "MG0010"),
        ("ModelGenModels.cs", 66, "MG0002"),
        ("ModelGenModels.cs", 76, "MG0002"),
        ("ModelGenModels.cs", 91, "MG0101"),
        ("ModelGenModels.cs", 109, "MG0118"),
    };

    [Fact]
    public async Task The_buggy_ports_get_exactly_the_listed_diagnostics()
    {
        var (compilation, files) = Compile("Buggy");
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && !(d.Id == "CS1503" && Path.GetFileName(d.Location.SourceTree!.FilePath) == "Attention.cs"))
            .ToList();
        Assert.True(errors.Count == 0, "Compiler errors besides the attention model's CS1503:\n" + string.Join("\n", errors));

        var diagnostics = await TorchSharpVerifier.AnalyzeAsync(compilation);
        var actual = Lines(diagnostics);
        Assert.True(Expected.OrderBy(e => e).SequenceEqual(actual),
            "Expected:\n" + string.Join("\n", Expected.OrderBy(e => e)) + "\nActual:\n" + string.Join("\n", diagnostics.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal))));

        // The comments after code in the sample say the same as this list.
        var marked = files.SelectMany(f => File.ReadAllLines(f).Select((text, i) => (File: Path.GetFileName(f), Line: i + 1, text)))
            .Where(l => Regex.IsMatch(l.text, @"^\s*[^/\s]"))
            .SelectMany(l => Regex.Matches(l.text, @"// (MG\d{4})").Select(m => (l.File, l.Line, Id: m.Groups[1].Value)))
            .OrderBy(e => e);
        Assert.Equal(Expected.OrderBy(e => e), marked);
    }

    [Fact]
    public async Task The_fixed_twins_compile_and_get_no_diagnostic()
    {
        var (compilation, _) = Compile("Fixed");
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await TorchSharpVerifier.AnalyzeAsync(compilation);
        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_buggy_file_has_a_fixed_twin() =>
        Assert.Equal(
            Directory.GetFiles(Folder("Buggy"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(Folder("Fixed"), "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    private static List<(string File, int Line, string Id)> Lines(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("MG", StringComparison.Ordinal))
            .Select(d => (Path.GetFileName(d.Location.SourceTree!.FilePath), d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Id))
            .OrderBy(e => e)
            .ToList();

    private static (Compilation Compilation, string[] Files) Compile(string folder)
    {
        var files = Directory.GetFiles(Folder(folder), "*.cs").Order(StringComparer.Ordinal).ToArray();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), TestCompilation.ParseOptions, path: f));
        Compilation compilation = CSharpCompilation.Create(
            "SeedBugs." + folder, trees, TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        // The ModelGen models need their generated half, as in a build.
        TestCompilation.Driver().RunGeneratorsAndUpdateCompilation(compilation, out compilation, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        return (compilation, files);
    }

    private static string Folder(string name, [CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "..", "..", "samples", "SeedBugs", name));
}
