using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace ModelGen.Shapes.Tests.Differential;

/// <summary>
/// Every shape rule against libtorch itself: seeded random valid and invalid configurations per op,
/// each run through the real TorchSharp module or op (on zero tensors; int64 indices for Embedding,
/// float64 where libtorch's float32 kernels abort or crawl, random values for attention) and through
/// the engine, with concrete dims and with symbolic ones bound to the same values. Configurations that
/// libtorch accepts although PyTorch rejects them (<see cref="DiffCase.TorchQuirk"/>) must be rejected
/// by the engine and accepted by libtorch.
/// </summary>
/// <remarks>
/// MODELGEN_DIFF_CONFIGS sets the configurations per op (default 200; 300 gives 10,500 in all).
/// MODELGEN_DIFF_SEED changes the base seed (default 2024). Run with
/// <c>--logger "console;verbosity=detailed"</c> to see the per-op table.
/// </remarks>
public class DifferentialTests
{
    private const int DefaultConfigsPerOp = 200;
    private const int DefaultSeed = 2024;
    private readonly ITestOutputHelper _output;

    public DifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Every_rule_agrees_with_libtorch()
    {
        int perOp = Setting("MODELGEN_DIFF_CONFIGS", DefaultConfigsPerOp);
        int seed = Setting("MODELGEN_DIFF_SEED", DefaultSeed);
        var failures = new StringBuilder();
        var table = new StringBuilder();
        table.AppendLine($"{"op",-18} {"configs",8} {"valid",6} {"invalid",8} {"quirks",7} {"variants",9} {"mismatches",11} {"ms",7} {"cpu ms",7}");
        int totalConfigs = 0, totalValid = 0, totalInvalid = 0, totalQuirks = 0, totalVariants = 0, totalMismatches = 0;
        // One intra-op thread: the tensors are tiny, and idle OpenMP workers spinning for work cost more
        // CPU than they save, above all on a shared 2-core machine.
        TorchSharp.torch.set_num_threads(1);
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

        foreach (var (name, generate, mayBeAllValid) in DiffOps.All)
        {
            var random = new DiffRandom(seed ^ StableSeed(name));
            int valid = 0, invalid = 0, quirks = 0, variants = 0;
            var problems = new List<string>();
            var opClock = Stopwatch.StartNew();
            var opCpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < perOp; i++)
            {
                var c = generate(random);
                var torchOutcome = DiffChecker.RunTorch(c);
                if (c.TorchQuirk is not null)
                {
                    quirks++;
                }
                if (torchOutcome.Success)
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
                problems.AddRange(DiffChecker.Check(c, torchOutcome, out int checkedVariants));
                variants += checkedVariants;
            }
            opClock.Stop();
            table.AppendLine($"{name,-18} {perOp,8} {valid,6} {invalid,8} {quirks,7} {variants,9} {problems.Count,11} {opClock.ElapsedMilliseconds,7} {(long)(Process.GetCurrentProcess().TotalProcessorTime - opCpu).TotalMilliseconds,7}");

            // A generator that drifts to all-invalid (or all-valid) would test little: keep the mix honest.
            if (valid < perOp / 4)
            {
                problems.Add($"only {valid} of {perOp} configurations were valid");
            }
            if (!mayBeAllValid && invalid < perOp / 10)
            {
                problems.Add($"only {invalid} of {perOp} configurations were invalid");
            }
            if (problems.Count != 0)
            {
                failures.AppendLine($"{name}: {problems.Count} problems");
                foreach (var problem in problems.Take(10))
                {
                    failures.AppendLine("  " + problem);
                }
            }
            totalConfigs += perOp;
            totalValid += valid;
            totalInvalid += invalid;
            totalQuirks += quirks;
            totalVariants += variants;
            totalMismatches += problems.Count;
        }

        table.AppendLine($"{"total",-18} {totalConfigs,8} {totalValid,6} {totalInvalid,8} {totalQuirks,7} {totalVariants,9} {totalMismatches,11} {clock.ElapsedMilliseconds,7} {(long)(Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalMilliseconds,7}");
        _output.WriteLine(table.ToString());
        _output.WriteLine($"Summary: {DiffOps.All.Count} ops, {totalConfigs} configurations ({totalValid} valid, {totalInvalid} invalid per libtorch; {totalQuirks} accepted by libtorch but not by PyTorch), {totalVariants} engine evaluations, {totalMismatches} mismatches, seed {seed}, {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s of CPU).");
        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static int Setting(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value <= 0)
        {
            throw new InvalidOperationException($"{name} must be a positive integer but is '{text}'.");
        }
        return value;
    }

    private static int StableSeed(string name)
    {
        unchecked
        {
            int hash = 17;
            foreach (char c in name)
            {
                hash = (hash * 31) + c;
            }
            return hash;
        }
    }
}
