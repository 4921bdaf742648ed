using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelGen.SourceGenerators.Analyzers;
using ModelGen.SourceGenerators.Generators;
using ModelGen.SourceGenerators.Tests.Support;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>What a mutant did to the toolchain.</summary>
internal enum FuzzVerdict
{
    /// <summary>No error anywhere: user code and generated code compile.</summary>
    Compiles,

    /// <summary>At least one MG diagnostic of error severity (and perhaps compiler errors too).</summary>
    ModelError,

    /// <summary>Compiler errors in the user's code, no MG error.</summary>
    CompilerError,
}

/// <summary>
/// A fuzz case's result: <see cref="Crash"/> is an exception out of the generator or an analyzer,
/// <see cref="SilentError"/> generated code that fails while the user's code shows no error.
/// </summary>
internal sealed record FuzzOutcome(int Seed, string Base, string Source, IReadOnlyList<string> Mutations, FuzzVerdict Verdict, string? Crash, string? SilentError, double Milliseconds)
{
    public string Describe(string? failure) =>
        $"seed {Seed} (rerun: MODELGEN_FUZZ_SEED={Seed} MODELGEN_FUZZ_CASES=1), base {Base}, mutations: {string.Join("; ", Mutations)}\n{failure}\n--- source ---\n{Source}";
}

/// <summary>
/// Runs one fuzz case: mutate a corpus source, run the generator and every analyzer of the analyzer
/// assembly over it, and judge the result. Compilations share one reference set and one base
/// compilation, so a case costs a parse, a generator run and a compile of one small file.
/// </summary>
internal static class FuzzHarness
{
    private static readonly CSharpCompilation Empty = CreateEmpty();

    // Doc comments are not parsed: the generator never reads them, and skipping them saves a tenth of each case.
    private static readonly CSharpParseOptions ParseOptions = TestCompilation.ParseOptions.WithDocumentationMode(DocumentationMode.None);

    /// <summary>Every analyzer shipped next to the generator, found by reflection so new analyzers are fuzzed too.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(ModelAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static CSharpCompilation CreateEmpty()
    {
        // Cases already run one per core: the compiler's own parallelism would only add overhead (a fifth of each case).
        var compilation = TestCompilation.Create();
        compilation = compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
        // Resolve the references once; every case's compilation is derived from this one and reuses them.
        _ = compilation.GetTypeByMetadataName("TorchSharp.torch");
        return compilation;
    }

    /// <summary>The mutant of a seed: the seed picks the corpus source, the number of mutations and the mutator's own seed.</summary>
    public static (string Base, string Source, IReadOnlyList<string> Mutations) Mutant(int seed)
    {
        var random = new Random(Mix(seed));
        var (name, source) = FuzzCorpus.Sources[random.Next(FuzzCorpus.Sources.Count)];
        int count = 1 + random.Next(3);
        var mutator = new SourceMutator(random);
        return (name, mutator.Mutate(source, count), mutator.Applied);
    }

    /// <summary>SplitMix64's finalizer: consecutive seeds give unrelated streams (System.Random's first draws follow its seed).</summary>
    private static int Mix(int seed)
    {
        ulong z = (ulong)seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    public static async Task<FuzzOutcome> RunAsync(int seed)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (name, source, mutations) = Mutant(seed);
        var judgement = await JudgeAsync(source);
        return new FuzzOutcome(seed, name, source, mutations, judgement.Verdict, judgement.Crash, judgement.SilentError,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// The rules every input must keep: the generator and the analyzers never throw (no CS8785, no AD0001),
    /// and generated code never holds an error unless the user's code has one (compiler or MG) to show.
    /// </summary>
    public static async Task<(FuzzVerdict Verdict, string? Crash, string? SilentError)> JudgeAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Fuzz.cs");
        var compilation = Empty.AddSyntaxTrees(tree);
        var driver = CSharpGeneratorDriver.Create(new[] { new ModelGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, CancellationToken.None);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            return (FuzzVerdict.CompilerError, "the generator threw: " + result.Exception, null);
        }
        if (generatorDiagnostics.FirstOrDefault(d => d.Id == "CS8785") is { } generatorFailure)
        {
            return (FuzzVerdict.CompilerError, "CS8785: " + generatorFailure.GetMessage(), null);
        }

        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(new InvalidOperationException(analyzer.GetType().Name + " threw", exception)),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await output.WithAnalyzers(Analyzers, options).GetAllDiagnosticsAsync(CancellationToken.None);
        if (!exceptions.IsEmpty)
        {
            return (FuzzVerdict.CompilerError, "an analyzer threw: " + exceptions.First(), null);
        }
        if (diagnostics.FirstOrDefault(d => d.Id == "AD0001") is { } analyzerFailure)
        {
            return (FuzzVerdict.CompilerError, "AD0001: " + analyzerFailure.GetMessage(), null);
        }

        var generated = result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var inGenerated = errors.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
        var inUserCode = errors.Except(inGenerated).ToList();
        bool modelError = inUserCode.Any(d => d.Id.StartsWith("MG", StringComparison.Ordinal));
        var verdict = errors.Count == 0 ? FuzzVerdict.Compiles : modelError ? FuzzVerdict.ModelError : FuzzVerdict.CompilerError;
        if (inGenerated.Count > 0 && inUserCode.Count == 0)
        {
            return (verdict, null, "the generated code does not compile, yet the user's code has no error to show:\n  "
                + string.Join("\n  ", inGenerated.Take(5)));
        }
        return (verdict, null, null);
    }
}
