using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// The fuzz run, done once for the class: 2,000 cases by default; MODELGEN_FUZZ_CASES sets the count
/// (100000 for a long run) and MODELGEN_FUZZ_SEED the first seed, so a failing case reruns alone with
/// its seed and a count of 1. MODELGEN_FUZZ_REPORT names a file that receives every failing case.
/// </summary>
public sealed class FuzzRun : IAsyncLifetime
{
    public const int DefaultCases = 2000;

    public int First { get; } = Setting("MODELGEN_FUZZ_SEED", 0);

    internal IReadOnlyList<FuzzOutcome> Outcomes { get; private set; } = Array.Empty<FuzzOutcome>();

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan ProcessorTime { get; private set; }

    public async Task InitializeAsync()
    {
        int count = Setting("MODELGEN_FUZZ_CASES", DefaultCases);
        var outcomes = new FuzzOutcome[count];
        int done = 0;
        var started = DateTime.UtcNow;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        // Cases are independent: both cores share them. The seed, not the schedule, decides each case.
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, _) =>
        {
            outcomes[i] = await FuzzHarness.RunAsync(First + i);
            int finished = Interlocked.Increment(ref done);
            if (count > DefaultCases && finished % 1000 == 0)
            {
                // Long runs report progress on the console; xunit keeps test output until the end.
                Console.WriteLine($"fuzz: {finished}/{count} cases, {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            }
        });
        Outcomes = outcomes;
        Elapsed = DateTime.UtcNow - started;
        // Wall time depends on what else the machine runs; the process's CPU time much less.
        ProcessorTime = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        if (Environment.GetEnvironmentVariable("MODELGEN_FUZZ_REPORT") is { Length: > 0 } report)
        {
            await System.IO.File.WriteAllTextAsync(report, Summary + "\n\n" + string.Join("\n\n", outcomes
                .Where(o => o.Crash is not null || o.SilentError is not null)
                .Select(o => o.Describe(o.Crash ?? o.SilentError))));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public string Summary =>
        $"{Outcomes.Count} cases from seed {First} over {FuzzCorpus.Sources.Count} sources in {Elapsed.TotalSeconds:F1} s ({ProcessorTime.TotalSeconds:F1} s CPU): "
        + string.Join(", ", Enum.GetValues<FuzzVerdict>().Select(v => $"{Outcomes.Count(o => o.Verdict == v)} {v}"))
        + $"; {Outcomes.Count(o => o.Crash is not null)} crashes, {Outcomes.Count(o => o.SilentError is not null)} unexplained generated-code errors"
        + (Outcomes.Count == 0 ? "" : $"; slowest case: seed {Outcomes.MaxBy(o => o.Milliseconds)!.Seed}, {Outcomes.Max(o => o.Milliseconds):F0} ms");

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>
/// Seeded fuzzing of the generator and the analyzers over mutated model sources (docs/reliability.md):
/// whatever state a model is in, the toolchain reports it and never breaks.
/// </summary>
public class GeneratorFuzzTests : IClassFixture<FuzzRun>
{
    private readonly FuzzRun _run;

    public GeneratorFuzzTests(FuzzRun run, ITestOutputHelper output)
    {
        _run = run;
        output.WriteLine(run.Summary);
        Console.WriteLine("fuzz: " + run.Summary);
    }

    [Fact]
    public void No_mutant_makes_the_generator_or_an_analyzer_throw()
    {
        var crashes = _run.Outcomes.Where(o => o.Crash is not null).ToList();
        Assert.True(crashes.Count == 0, _run.Summary + "\n\n" + string.Join("\n\n", crashes.Take(3).Select(o => o.Describe(o.Crash))));
    }

    [Fact]
    public void Generated_code_never_fails_to_compile_unless_the_users_code_shows_an_error()
    {
        var silent = _run.Outcomes.Where(o => o.SilentError is not null).ToList();
        Assert.True(silent.Count == 0, _run.Summary + "\n\n" + string.Join("\n\n", silent.Take(3).Select(o => o.Describe(o.SilentError))));
    }

    [Fact]
    public void The_mutants_reach_every_verdict_so_the_checker_is_exercised_and_not_only_the_parser()
    {
        foreach (var verdict in Enum.GetValues<FuzzVerdict>())
        {
            Assert.Contains(_run.Outcomes, o => o.Verdict == verdict);
        }
    }

    [Fact]
    public void A_seed_always_gives_the_same_mutant()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var (base1, source1, mutations1) = FuzzHarness.Mutant(seed);
            var (base2, source2, mutations2) = FuzzHarness.Mutant(seed);
            Assert.Equal(base1, base2);
            Assert.Equal(source1, source2);
            Assert.Equal(mutations1, mutations2);
        }
    }

    [Fact]
    public void The_corpus_holds_the_samples_and_the_runtime_test_models()
    {
        var names = FuzzCorpus.Sources.Select(s => s.Name.Replace('\\', '/')).ToList();
        Assert.Contains("samples/MnistCnn/MnistCnn.cs", names);
        Assert.Contains("samples/DropoutMlp/DropoutMlp.cs", names);
        Assert.Contains("samples/DenseRegression/LinearRegression.cs", names);
        Assert.Contains("tests/ModelGen.Runtime.Tests/CompositionModels.cs", names);
        Assert.Contains("tests/ModelGen.Runtime.Tests/TestModels.cs", names);
        Assert.Contains("ModelSources.MnistCnn", names);
    }
}
