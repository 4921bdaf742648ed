using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ModelGen.Benchmarks.Generator;
using ModelGen.SourceGenerators.Tests.Reliability;

namespace ModelGen.Benchmarks;

/// <summary>
/// `--build [runs]`: `dotnet build --no-incremental` of the 200-model project, written to a temporary folder,
/// three ways: no analyzers at all (RunAnalyzers=false: the compiler skips analyzers but still runs the
/// generator, or the project would not compile); the SDK's analyzers but ModelGen's switched off (every MG
/// id at severity none in a global config, so Roslyn does not run them); and everything. ModelGen's cost is
/// the last against the second. Builds rotate, after one warm-up round; the figures are medians of the build's
/// wall time and of the time MSBuild's performance summary gives the Csc task.
/// </summary>
internal static class BuildProbe
{
    private static readonly (string Name, string Properties)[] Configurations =
    {
        ("no analyzers", "-p:RunAnalyzers=false"),
        ("SDK analyzers, ModelGen's off", "-p:RunAnalyzers=true -p:ModelGenAnalyzersOff=true"),
        ("all analyzers", "-p:RunAnalyzers=true"),
    };

    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        string dir = Path.Combine(Path.GetTempPath(), "modelgen-build-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Write(dir);
        try
        {
            if (Dotnet(dir, "restore").ExitCode != 0)
            {
                return 1;
            }
            var times = Configurations.Select(_ => new (double Wall, double Csc)[runs]).ToArray();
            for (int run = -1; run < runs; run++)
            {
                for (int c = 0; c < Configurations.Length; c++)
                {
                    var (exit, wall, csc) = Build(dir, Configurations[c].Properties);
                    if (exit != 0)
                    {
                        return exit;
                    }
                    if (run >= 0)
                    {
                        times[c][run] = (wall, csc);
                    }
                }
            }
            double Median(int c, Func<(double Wall, double Csc), double> pick) => times[c].Select(pick).OrderBy(t => t).ElementAt(runs / 2);
            string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
            Console.WriteLine($"dotnet build --no-incremental of {ProjectCompilation.Models} models, median of {runs} builds after a warm-up (s):");
            Console.WriteLine("| | " + string.Join(" | ", Configurations.Select(c => c.Name)) + " | ModelGen's analyzers: all / ModelGen's off | all / none |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (label, pick) in new (string, Func<(double Wall, double Csc), double>)[] { ("build (wall)", t => t.Wall), ("Csc task", t => t.Csc) })
            {
                Console.WriteLine($"| {label} | {string.Join(" | ", Configurations.Select((_, c) => F(Median(c, pick))))} | "
                    + $"{(Median(2, pick) / Median(1, pick)).ToString("F3", CultureInfo.InvariantCulture)} | {(Median(2, pick) / Median(0, pick)).ToString("F3", CultureInfo.InvariantCulture)} |");
            }
            Console.WriteLine("all runs (wall/Csc): " + string.Join("; ", Configurations.Select((c, i) => c.Name + " " + string.Join(", ", times[i].Select(t => F(t.Wall) + "/" + F(t.Csc))))));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var (path, text) in ModelProject.Files(ProjectCompilation.Models))
        {
            string file = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
        var ids = ProjectCompilation.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
        File.WriteAllText(Path.Combine(dir, "modelgen-off.globalconfig"),
            "is_global = true\n" + string.Concat(ids.Select(id => $"dotnet_diagnostic.{id}.severity = none\n")));
        // The assemblies this program was built with: ModelGen, and the generator and analyzers in one DLL.
        string bin = AppContext.BaseDirectory;
        File.WriteAllText(Path.Combine(dir, "Project.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <LangVersion>preview</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TorchSharp" Version="0.107.0" />
                <Reference Include="ModelGen" HintPath="{Path.Combine(bin, "ModelGen.dll")}" />
                <Analyzer Include="{Path.Combine(bin, "ModelGen.SourceGenerators.dll")}" />
                <GlobalAnalyzerConfigFiles Include="modelgen-off.globalconfig" Condition="'$(ModelGenAnalyzersOff)' == 'true'" />
              </ItemGroup>
            </Project>
            """);
    }

    private static (int ExitCode, double Wall, double Csc) Build(string dir, string properties)
    {
        var watch = Stopwatch.StartNew();
        var (exit, output) = Dotnet(dir, $"build -c Release --no-restore --no-incremental -clp:PerformanceSummary {properties}");
        double wall = watch.Elapsed.TotalSeconds;
        var csc = Regex.Match(output, @"(\d+) ms\s+Csc\s+\d+ calls");
        return (exit, wall, csc.Success ? double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture) / 1000 : double.NaN);
    }

    private static (int ExitCode, string Output) Dotnet(string dir, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"dotnet {arguments} failed:\n{output}\n{error.Result}");
        }
        return (process.ExitCode, output);
    }
}
