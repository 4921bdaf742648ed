using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ModelGen.Benchmarks.HandWritten;
using ModelGen.Samples.MnistCnn;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelGen.Benchmarks;

/// <summary>
/// `--memory`: native memory over 1,000 training steps of the MNIST CNN at batch 64, generated TrainStep
/// against a naive hand-written loop that disposes nothing, and against the same hand-written loop inside
/// a dispose scope (what the generated step does, as a control for what libtorch and the allocator keep).
/// Each runs in its own process, so one's heap does not hide the other's growth; the figure is the growth
/// of the process's resident set (VmRSS), with the resident set every 100 steps to tell growth from a leak.
/// </summary>
internal static class MemoryProbe
{
    public const int Steps = 1000;

    /// <summary>Steps before the first reading: libtorch's and the allocator's pools fill in the first hundred or so.</summary>
    public const int WarmUp = 100;

    /// <summary>The naive loop grows by about 15 MB a step; on a shared machine it stops here rather than take all memory.</summary>
    public const double CapMegabytes = 3072;

    public static int Run()
    {
        Console.WriteLine($"Native memory over {Steps} training steps after {WarmUp} warm-up steps, MNIST CNN, batch 64, SGD; RSS from /proc/self/status (MB):");
        Console.WriteLine("| loop | RSS before | RSS after | growth | peak (VmHWM) | after GC + finalizers | growth over as many more steps, trimmed before and after | ms/step | RSS every 100 steps |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var mode in new[] { "generated", "scoped", "naive" })
        {
            // Through the apphost (dotnet run) or the dotnet host (dotnet ModelGen.Benchmarks.dll).
            string host = Environment.ProcessPath!;
            string arguments = Path.GetFileNameWithoutExtension(host) == "dotnet"
                ? $"\"{typeof(MemoryProbe).Assembly.Location}\" --memory-child {mode}"
                : $"--memory-child {mode}";
            var start = new ProcessStartInfo(host, arguments) { RedirectStandardOutput = true };
            using var child = Process.Start(start)!;
            string output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            Console.Write(output);
            if (child.ExitCode != 0)
            {
                return child.ExitCode;
            }
        }
        return 0;
    }

    public static int Child(string mode)
    {
        torch.set_num_threads(1);
        random.manual_seed(1);
        var x = randn(64, 1, 28, 28);
        var y = randint(0, 10, new long[] { 64 });
        var loss = nn.CrossEntropyLoss();
        Func<float> step;
        if (mode == "generated")
        {
            var model = new MnistCnn();
            var optimizer = optim.SGD(model.parameters(), 0.01);
            step = () => model.TrainStep(x, y, optimizer, loss);
        }
        else
        {
            // What a first TorchSharp training loop looks like: every intermediate tensor left to the GC.
            var model = new HandMnistCnn();
            var optimizer = optim.SGD(model.parameters(), 0.01);
            Func<float> naive = () => HandTrainStep.Run(model, optimizer, loss, x, y);
            step = mode == "naive" ? naive : () =>
            {
                using var scope = NewDisposeScope();
                return naive();
            };
        }

        for (int i = 0; i < WarmUp; i++)
        {
            step();
        }
        Collect();
        double before = Status("VmRSS");
        var curve = new System.Collections.Generic.List<double>();
        var watch = Stopwatch.StartNew();
        int steps = 0;
        while (steps < Steps && Status("VmRSS") < CapMegabytes)
        {
            step();
            if (++steps % 100 == 0)
            {
                curve.Add(Status("VmRSS"));
            }
        }
        double msPerStep = watch.Elapsed.TotalMilliseconds / steps;
        double after = Status("VmRSS");
        double peak = Status("VmHWM");
        Collect();
        double collected = Status("VmRSS");

        // Then the next steps between two trims: growth of what the process uses, not of the allocator's reserve.
        double trimmedBefore = TrimmedRss();
        for (int i = 0; i < steps; i++)
        {
            step();
        }
        Collect();
        double trimmedAfter = TrimmedRss();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {mode}{(steps < Steps ? $" (stopped at the {CapMegabytes:F0} MB cap after {steps} steps)" : "")} | {before:F1} | {after:F1} | {after - before:F1} | {peak:F1} | {collected:F1} | {trimmedAfter - trimmedBefore:F1} | {msPerStep:F2} | {string.Join(" ", curve.Select(c => c.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        return 0;
    }

    /// <summary>
    /// The resident set once glibc has handed its free memory back (malloc_trim): what the process still
    /// uses, as against what the allocator keeps for later.
    /// </summary>
    private static double TrimmedRss()
    {
        MallocTrim(0);
        return Status("VmRSS");
    }

    [System.Runtime.InteropServices.DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>A memory line of /proc/self/status, in MB.</summary>
    private static double Status(string key)
    {
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
