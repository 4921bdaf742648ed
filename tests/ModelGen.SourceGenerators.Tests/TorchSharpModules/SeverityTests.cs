using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelGen.SourceGenerators.Diagnostics;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.TorchSharpModules;

/// <summary>Every MG01xx rule has a page and a help link, and its severity follows the project's settings (what .editorconfig's dotnet_diagnostic.MGxxxx.severity sets).</summary>
public class SeverityTests
{
    private const string Source = """
        public static class Training
        {
            public static Tensor Loss(Linear fc, Tensor x, Tensor y) => nn.CrossEntropyLoss().call(fc.call(x).softmax(1), y);
        }
        """;

    [Fact]
    public async Task A_rule_can_be_turned_off_or_made_an_error()
    {
        var off = await Analyze(ReportDiagnostic.Suppress);
        Assert.DoesNotContain(off, d => d.Id == "MG0101");

        var error = await Analyze(ReportDiagnostic.Error);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(error, d => d.Id == "MG0101").Severity);
    }

    [Fact]
    public void Every_rule_is_in_the_catalog_with_a_help_link_to_its_page()
    {
        string docs = DocsFolder();
        var rules = TorchSharpVerifier.Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.Id.StartsWith("MG01", System.StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(Enumerable.Range(101, 18).Select(i => "MG0" + i), rules.Select(r => r.Id).OrderBy(i => i));
        Assert.All(rules, r =>
        {
            Assert.Same(r, DiagnosticDescriptors.Find(r.Id));
            Assert.Contains(r, DiagnosticDescriptors.All);
            Assert.EndsWith("/docs/diagnostics/" + r.Id + ".md", r.HelpLinkUri);
            Assert.True(System.IO.File.Exists(System.IO.Path.Combine(docs, r.Id + ".md")), r.Id + " has no page");
        });
    }

    private static string DocsFolder([System.Runtime.CompilerServices.CallerFilePath] string testFile = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(testFile)!, "..", "..", "..", "docs", "diagnostics");

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(ReportDiagnostic severity)
    {
        var compilation = TestCompilation.Create(TorchSharpVerifier.Usings + Source);
        var options = compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["MG0101"] = severity });
        return TorchSharpVerifier.AnalyzeAsync(compilation.WithOptions(options));
    }
}
