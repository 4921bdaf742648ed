using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ModelGen.SourceGenerators.Tests.Reliability;

namespace ModelGen.Benchmarks;

/// <summary>
/// `--build [runs]`: `dotnet build` of the 200-model project, written to a temporary folder, with the
/// analyzers (RunAnalyzers=true) and without them (false: the compiler skips analyzers but still runs the
/// generator, or the project would not compile). Builds alternate, after one warm-up build of each; the
/// figures are the wall time of the build and the time MSBuild's performance summary gives the Csc task.
/// </summary>
internal static class BuildProbe
{
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
            var times = new (double Wall, double Csc)[2][];
            times[0] = new (double, double)[runs];
            times[1] = new (double, double)[runs];
            for (int run = -1; run < runs; run++)
            {
                for (int analyzers = 0; analyzers < 2; analyzers++)
                {
                    var (exit, wall, csc) = Build(dir, analyzers == 1);
                    if (exit != 0)
                    {
                        return exit;
                    }
                    if (run >= 0)
                    {
                        times[analyzers][run] = (wall, csc);
                    }
                }
            }
            double Median(int analyzers, Func<(double Wall, double Csc), double> pick) =>
                times[analyzers].Select(pick).OrderBy(t => t).ElementAt(runs / 2);
            Console.WriteLine($"dotnet build of {ModelProjectSize} models, median of {runs} builds after a warm-up (s):");
            Console.WriteLine("| | without analyzers | with analyzers | ratio |");
            Console.WriteLine("|---|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| build (wall) | {Median(0, t => t.Wall):F2} | {Median(1, t => t.Wall):F2} | {Median(1, t => t.Wall) / Median(0, t => t.Wall):F3} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Csc task | {Median(0, t => t.Csc):F2} | {Median(1, t => t.Csc):F2} | {Median(1, t => t.Csc) / Median(0, t => t.Csc):F3} |"));
            Console.WriteLine("all runs (wall / Csc): without " + string.Join(", ", times[0].Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Wall:F2}/{t.Csc:F2}")))
                + "; with " + string.Join(", ", times[1].Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Wall:F2}/{t.Csc:F2}"))));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const int ModelProjectSize = 200;

    private static void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var (path, text) in ModelProject.Files(ModelProjectSize))
        {
            string file = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
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
              </ItemGroup>
            </Project>
            """);
    }

    private static (int ExitCode, double Wall, double Csc) Build(string dir, bool analyzers)
    {
        var watch = Stopwatch.StartNew();
        var (exit, output) = Dotnet(dir, $"build -c Release --no-restore --no-incremental -clp:PerformanceSummary -p:RunAnalyzers={(analyzers ? "true" : "false")}");
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
