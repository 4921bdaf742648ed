using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ModelGen.CodeFixes.Tests;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's code-fix test over TorchSharp code. The machine has no package feed for
/// reference packs, so the compilation gets an empty reference set plus the running runtime's own
/// assemblies and TorchSharp.dll, as the analyzer tests do.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFix : CodeFixProvider, new()
{
    public const string Usings = "using System;\nusing System.Linq;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n\n";

    internal static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Append(typeof(TorchSharp.torch).Assembly.Location)
        .Distinct()
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    /// <summary>One file before (with <c>{|MGxxxx:...|}</c> markup) and after the fix; the usings above are prepended to both.</summary>
    public static Task VerifyAsync(string source, string fixedSource) =>
        VerifyAsync(new[] { source }, new[] { fixedSource });

    /// <summary>Several files before and after (the diagnostic may be in one file and the fix in another).</summary>
    public static async Task VerifyAsync(string[] sources, string[] fixedSources)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"File{i}.cs", Usings + sources[i]));
        }
        for (int i = 0; i < fixedSources.Length; i++)
        {
            test.FixedState.Sources.Add(($"File{i}.cs", Usings + fixedSources[i]));
        }
        test.TestState.AdditionalReferences.AddRange(References);
        test.FixedState.AdditionalReferences.AddRange(References);
        await test.RunAsync(CancellationToken.None);
    }
}
