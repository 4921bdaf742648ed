using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelGen.Benchmarks.Generator;

/// <summary>
/// Compiling the 200-model project (generator run, then every compiler diagnostic: binding all code) with
/// and without every ModelGen analyzer, in one pass each. No emit on either side, so the ratio is an upper
/// bound of the build's; `--build` measures real builds.
/// </summary>
[Config(typeof(SingleRunConfig))]
public class AnalyzerBenchmarks
{
    private SyntaxTree[] _trees = null!;
    private CSharpCompilation _next = null!;

    [GlobalSetup]
    public void Setup()
    {
        _trees = ProjectCompilation.Parse();
        // A clean project, or the analyzers would be timed reporting errors.
        var warnings = Warnings();
        if (warnings.Count > 0)
        {
            throw new InvalidOperationException("the project is not clean:\n" + string.Join("\n", warnings.Take(10)));
        }
    }

    /// <summary>The project's warnings and errors, compiler's and analyzers'.</summary>
    public List<Diagnostic> Warnings()
    {
        _trees ??= ProjectCompilation.Parse();
        FreshCompilation();
        return WithAnalyzers().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }

    /// <summary>Each analyzer's own execution time over the project, as Roslyn's analyzer telemetry measures it.</summary>
    public string AnalyzerTimes()
    {
        _trees ??= ProjectCompilation.Parse();
        FreshCompilation();
        var withAnalyzers = Generate().WithAnalyzers(ProjectCompilation.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return string.Join(", ", ProjectCompilation.Analyzers
            .Select(a => (a.GetType().Name, Time: withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime))
            .OrderByDescending(t => t.Time)
            .Select(t => $"{t.Name} {t.Time.TotalMilliseconds:F0} ms"));
    }

    [IterationSetup]
    public void FreshCompilation() => _next = ProjectCompilation.Create(_trees);

    private Compilation Generate()
    {
        ProjectCompilation.Driver(trackSteps: false).RunGeneratorsAndUpdateCompilation(_next, out var output, out _);
        return output;
    }

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> WithoutAnalyzers() => Generate().GetDiagnostics();

    [Benchmark]
    public ImmutableArray<Diagnostic> WithAnalyzers() =>
        Generate().WithAnalyzers(ProjectCompilation.Analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
}
