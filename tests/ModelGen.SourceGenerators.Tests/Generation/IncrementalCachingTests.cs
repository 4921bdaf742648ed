using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.SourceGenerators.Generators;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Generation;

/// <summary>The pipeline caches: edits that do not change a model leave its steps Cached or Unchanged.</summary>
public class IncrementalCachingTests
{
    private static (GeneratorDriver Driver, Compilation Compilation) Run(params string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        var driver = TestCompilation.Driver(trackSteps: true).RunGenerators(compilation);
        return (driver, compilation);
    }

    private static Compilation Replace(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, old.FilePath));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static IncrementalStepRunReason[] OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void An_edit_in_an_unrelated_file_regenerates_nothing()
    {
        var (driver, compilation) = Run(ModelSources.MnistCnn, ModelSources.DropoutMlp, "class Other { }");
        driver = driver.RunGenerators(Replace(compilation, 2, "class Other { /* edited */ int x; }"));

        Assert.All(Reasons(driver, ModelGenerator.Steps.Check), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(OutputReasons(driver), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void An_edit_inside_one_model_leaves_the_other_cached()
    {
        var (driver, compilation) = Run(ModelSources.MnistCnn, ModelSources.DropoutMlp);
        driver = driver.RunGenerators(Replace(compilation, 1, ModelSources.DropoutMlp.Replace("Linear(64", "Linear(128")));

        var reasons = Reasons(driver, ModelGenerator.Steps.Check);
        Assert.Single(reasons, IncrementalStepRunReason.Modified);
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void A_comment_added_above_a_model_leaves_its_output_unchanged()
    {
        var (driver, compilation) = Run(ModelSources.MnistCnn);
        driver = driver.RunGenerators(Replace(compilation, 0, "// a comment that shifts every position\n" + ModelSources.MnistCnn));

        Assert.All(Reasons(driver, ModelGenerator.Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(OutputReasons(driver), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }
}
