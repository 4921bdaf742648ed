using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGen.SourceGenerators.Generators;
using ModelGen.SourceGenerators.Models;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// Incremental caching in a project of 200 varied models (<see cref="ModelProject"/>): an edit costs
/// the models it changes and nothing else. The times are measured by the benchmarks, not here.
/// </summary>
public class CachingAtScaleTests : IClassFixture<CachingAtScaleTests.Project>
{
    public const int Models = 200;

    /// <summary>The project, compiled and generated once with step tracking; each test edits a copy.</summary>
    public sealed class Project
    {
        public Project()
        {
            Compilation = CSharpCompilation.Create(
                "Project",
                ModelProject.Files(Models).Select(f => CSharpSyntaxTree.ParseText(f.Text, TestCompilation.ParseOptions, f.Path)),
                TestCompilation.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Driver = TestCompilation.Driver(trackSteps: true).RunGeneratorsAndUpdateCompilation(Compilation, out var output, out var diagnostics);
            Output = output;
            GeneratorDiagnostics = diagnostics;
        }

        public CSharpCompilation Compilation { get; }

        public GeneratorDriver Driver { get; }

        public Compilation Output { get; }

        public IReadOnlyList<Diagnostic> GeneratorDiagnostics { get; }

        public GeneratorDriver Rerun(string path, string text)
        {
            var old = Compilation.SyntaxTrees.Single(t => t.FilePath == path);
            return Driver.RunGenerators(Compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path)));
        }
    }

    private readonly Project _project;

    public CachingAtScaleTests(Project project) => _project = project;

    /// <summary>The reason of each model's output of a step, by model name.</summary>
    private static Dictionary<string, IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .ToDictionary(o => Name(o.Value), o => o.Reason);

    /// <summary>The reason of each source output, by the model whose checked form fed it.</summary>
    private static Dictionary<string, IncrementalStepRunReason> OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value)
            .ToDictionary(s => Name(s.Inputs.Single().Source.Outputs[s.Inputs.Single().OutputIndex].Value), s => s.Outputs.Single().Reason);

    private static string Name(object value) => value switch
    {
        CheckedModel model => model.Spec.Name,
        ModelSpec spec => spec.Name,
        _ => throw new InvalidOperationException("unexpected step value " + value.GetType()),
    };

    private static bool IsReused(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    [Fact]
    public async Task The_project_generates_every_model_and_compiles_without_a_warning()
    {
        Assert.Empty(_project.GeneratorDiagnostics);
        Assert.Equal(Models, _project.Driver.GetRunResult().GeneratedTrees.Length);
        // Every analyzer too: the caching is measured on models that are valid, not on error parts.
        var diagnostics = await _project.Output.WithAnalyzers(FuzzHarness.Analyzers).GetAllDiagnosticsAsync();
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void An_edit_inside_one_model_rechecks_and_re_emits_that_model_only()
    {
        int edited = 0;
        Assert.Empty(ModelProject.UsersOf(edited, Models));
        var driver = _project.Rerun(ModelProject.Path(edited), ModelProject.Edited(edited));

        var check = Reasons(driver, ModelGenerator.Steps.Check);
        var output = OutputReasons(driver);
        Assert.Equal(Models, check.Count);
        Assert.Equal(IncrementalStepRunReason.Modified, check[ModelProject.Name(edited)]);
        Assert.All(check.Where(c => c.Key != ModelProject.Name(edited)), c => Assert.True(IsReused(c.Value), $"{c.Key}: {c.Value}"));
        Assert.Equal(IncrementalStepRunReason.Modified, output[ModelProject.Name(edited)]);
        Assert.All(output.Where(o => o.Key != ModelProject.Name(edited)), o => Assert.True(o.Value == IncrementalStepRunReason.Cached, $"{o.Key}: {o.Value}"));
    }

    [Fact]
    public void An_edit_inside_a_block_re_emits_the_block_and_exactly_the_models_that_use_it()
    {
        int block = 3;
        Assert.Equal(ModelProject.Kind.Block, ModelProject.KindOf(block));
        var changed = ModelProject.UsersOf(block, Models).Append(block).Select(ModelProject.Name).ToHashSet();
        var driver = _project.Rerun(ModelProject.Path(block), ModelProject.Edited(block));

        var output = OutputReasons(driver);
        Assert.Equal(changed, output.Where(o => o.Value == IncrementalStepRunReason.Modified).Select(o => o.Key).ToHashSet());
        Assert.All(output.Where(o => !changed.Contains(o.Key)), o => Assert.True(o.Value == IncrementalStepRunReason.Cached, $"{o.Key}: {o.Value}"));
    }

    [Fact]
    public void A_comment_in_an_unrelated_file_regenerates_nothing()
    {
        var driver = _project.Rerun(ModelProject.UnrelatedPath, "// edited: nothing here is a model\n" + ModelProject.Unrelated);

        // ForAttributeWithMetadataName reruns the parse on a new compilation; every spec comes out equal.
        Assert.All(Reasons(driver, ModelGenerator.Steps.Parse), r => Assert.True(IsReused(r.Value), $"{r.Key}: {r.Value}"));
        Assert.All(Reasons(driver, ModelGenerator.Steps.Check), r => Assert.True(IsReused(r.Value), $"{r.Key}: {r.Value}"));
        Assert.All(OutputReasons(driver), o => Assert.True(o.Value == IncrementalStepRunReason.Cached, $"{o.Key}: {o.Value}"));
    }

    [Fact]
    public void A_comment_inside_a_model_re_parses_it_but_re_emits_nothing()
    {
        int edited = 1;
        string source = ModelProject.Source(edited);
        int body = source.IndexOf('{', source.IndexOf("partial class", StringComparison.Ordinal));
        var driver = _project.Rerun(ModelProject.Path(edited), source.Insert(body + 1, "\n    // a comment that moves every member\n"));

        var parse = Reasons(driver, ModelGenerator.Steps.Parse);
        Assert.Equal(IncrementalStepRunReason.Unchanged, parse[ModelProject.Name(edited)]);
        Assert.All(Reasons(driver, ModelGenerator.Steps.Check), r => Assert.True(IsReused(r.Value), $"{r.Key}: {r.Value}"));
        Assert.All(OutputReasons(driver), o => Assert.True(o.Value == IncrementalStepRunReason.Cached, $"{o.Key}: {o.Value}"));
    }
}
