using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.SourceGenerators.Tests.Reliability;

namespace ModelGen.Benchmarks.Generator;

/// <summary>
/// The generator over the 200-model project. Cold: a fresh compilation and driver, as in a clean build.
/// Incremental: a driver that has seen the project runs on a fresh compilation with one edit, as the IDE
/// does on a keystroke, with step tracking on; the caching tests assert what it reuses.
/// </summary>
[Config(typeof(SingleRunConfig))]
public class GeneratorBenchmarks
{
    private SyntaxTree[] _trees = null!;
    private CSharpCompilation _project = null!;
    private GeneratorDriver _warm = null!;
    private SyntaxTree _editedModel = null!;
    private SyntaxTree _editedUnrelated = null!;
    private CSharpCompilation _next = null!;

    [GlobalSetup]
    public void Setup()
    {
        _trees = ProjectCompilation.Parse();
        _project = ProjectCompilation.Create(_trees);
        _warm = ProjectCompilation.Driver(trackSteps: true).RunGenerators(_project);
        int generated = _warm.GetRunResult().GeneratedTrees.Length;
        if (generated != ProjectCompilation.Models)
        {
            throw new InvalidOperationException($"expected {ProjectCompilation.Models} generated files, got {generated}");
        }
        _editedModel = ProjectCompilation.Parse(ModelProject.Path(0), ModelProject.Edited(0));
        _editedUnrelated = ProjectCompilation.Parse(ModelProject.UnrelatedPath, "// edited\n" + ModelProject.Unrelated);

        // The edit must cost what the caching tests say it costs: one model re-emitted, the rest cached.
        var rerun = _warm.RunGenerators(Edit(_editedModel)).GetRunResult().Results.Single();
        int modified = rerun.TrackedOutputSteps.SelectMany(s => s.Value).Count(s => s.Outputs.Single().Reason == IncrementalStepRunReason.Modified);
        if (modified != 1)
        {
            throw new InvalidOperationException($"an edit inside one model re-emitted {modified} models");
        }
    }

    /// <summary>Where an incremental run spends its time: each tracked step's elapsed time, summed over its runs.</summary>
    public string StepTimes()
    {
        string Times(SyntaxTree edited)
        {
            // The third run: the first ones pay for the JIT.
            var result = Enumerable.Range(0, 3).Select(_ => _warm.RunGenerators(Edit(edited)).GetRunResult().Results.Single()).Last();
            return string.Join(", ", result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .Where(s => s.Key.StartsWith("ModelGen.", StringComparison.Ordinal) || s.Key == "SourceOutput")
                .Select(s => $"{s.Key} {s.Value.Sum(r => r.ElapsedTime.TotalMilliseconds):F1} ms ({s.Value.Length} runs)"));
        }
        return "edit inside one model: " + Times(_editedModel) + "\nedit outside any model: " + Times(_editedUnrelated);
    }

    private CSharpCompilation Edit(SyntaxTree edited) =>
        _project.ReplaceSyntaxTree(_project.SyntaxTrees.Single(t => t.FilePath == edited.FilePath), edited);

    [IterationSetup(Target = nameof(ColdRun))]
    public void FreshCompilation() => _next = ProjectCompilation.Create(_trees);

    [Benchmark]
    public GeneratorDriver ColdRun() => ProjectCompilation.Driver(trackSteps: false).RunGenerators(_next);

    [IterationSetup(Target = nameof(EditInsideOneModel))]
    public void EditOneModel() => _next = Edit(_editedModel);

    [Benchmark]
    public GeneratorDriver EditInsideOneModel() => _warm.RunGenerators(_next);

    [IterationSetup(Target = nameof(EditOutsideAnyModel))]
    public void EditUnrelatedFile() => _next = Edit(_editedUnrelated);

    [Benchmark]
    public GeneratorDriver EditOutsideAnyModel() => _warm.RunGenerators(_next);
}
