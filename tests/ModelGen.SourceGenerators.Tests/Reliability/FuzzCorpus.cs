using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ModelGen.SourceGenerators.Tests.Generation;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// The model sources the fuzzer mutates: the generation tests' <see cref="ModelSources"/>, every sample's
/// model file and the runtime tests' model files, read from the repository so new models join by themselves.
/// </summary>
internal static class FuzzCorpus
{
    // The root first: static initializers run in order and Load needs it.
    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyList<(string Name, string Source)> Sources { get; } = Load();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelGen.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ModelGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static List<(string, string)> Load()
    {
        var sources = typeof(ModelSources).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => ("ModelSources." + f.Name, (string)f.GetRawConstantValue()!))
            .ToList();
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "tests", "ModelGen.Runtime.Tests"), "*Models*.cs"))
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                     && !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);
        foreach (var path in files)
        {
            string text = File.ReadAllText(path);
            if (text.Contains("[Model", StringComparison.Ordinal))
            {
                sources.Add((Path.GetRelativePath(RepositoryRoot, path), text));
            }
        }
        return sources;
    }
}
