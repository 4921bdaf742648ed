using System.Linq;
using BenchmarkDotNet.Running;

namespace ModelGen.Benchmarks;

/// <summary>
/// docs/performance.md. BenchmarkDotNet benchmarks by default (`-- --filter '*'`); `--memory` for native
/// memory over 1,000 training steps; `--build [runs]` for dotnet build times with and without analyzers;
/// `--check` runs each model pair's setup (same weights, same outputs) and each benchmark once, and checks
/// the 200-model project is clean; `--all` runs all of these in turn.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--memory":
                return MemoryProbe.Run();
            case "--memory-child":
                return MemoryProbe.Child(args[1]);
            case "--build":
                return BuildProbe.Run(args.Skip(1).ToArray());
            case "--check":
                return Check();
            case "--all":
                // Everything docs/performance.md reports, in one go: about 12 minutes on two cores.
                int status = Check();
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(new[] { "--filter", "*" });
                return status | MemoryProbe.Run() | BuildProbe.Run(new[] { "3" });
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }

    private static int Check()
    {
        foreach (var pair in ModelPairBenchmarks.Cases())
        {
            var benchmark = new ModelPairBenchmarks { Case = pair };
            benchmark.Setup();
            benchmark.HandWritten_Forward();
            benchmark.Generated_Forward();
            System.Console.WriteLine($"{pair}: same outputs; train step loss hand-written {benchmark.HandWritten_TrainStep():F4}, generated {benchmark.Generated_TrainStep():F4}; "
                + $"parameter tensors (generated, hand-written) {benchmark.ParameterCounts()}; state-dict entries only the generated model has: {benchmark.ExtraGeneratedStateEntries().Count()} "
                + string.Join(" ", benchmark.ExtraGeneratedStateEntries().Take(4)));
            benchmark.Cleanup();
        }
        var generator = new Generator.GeneratorBenchmarks();
        generator.Setup();
        System.Console.WriteLine(generator.StepTimes());
        var analyzers = new Generator.AnalyzerBenchmarks();
        analyzers.AnalyzerTimes();
        System.Console.WriteLine("analyzer execution times over the project (second run): " + analyzers.AnalyzerTimes());
        var warnings = analyzers.Warnings();
        System.Console.WriteLine($"{Generator.ProjectCompilation.Models}-model project: {warnings.Count} warnings or errors" + string.Concat(warnings.Take(10).Select(w => "\n  " + w)));
        return warnings.Count == 0 ? 0 : 1;
    }
}
