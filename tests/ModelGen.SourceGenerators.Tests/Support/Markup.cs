using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Support;

/// <summary>
/// Diagnostic expectations written in the source, as in Microsoft.CodeAnalysis.Testing:
/// <c>{|MG0002:Fc.call(x)|}</c> expects MG0002 on exactly that text. Everything not marked must be silent.
/// </summary>
internal static class Markup
{
    public const string Usings = "using ModelGen;\nusing TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\n\n";

    public static (string Source, List<(string Id, int Start, int Length)> Expected) Parse(string markup)
    {
        var text = new StringBuilder();
        var expected = new List<(string, int, int)>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i);
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, start, text.Length - start));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }
        return (text.ToString(), expected);
    }

    /// <summary>
    /// Runs generator and analyzer over the marked source and asserts the exact set of MG diagnostics,
    /// and that the compiler reports no error beyond them (the generated code always compiles).
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup)
    {
        var (source, expected) = Parse(Usings + markup);
        var diagnostics = await TestCompilation.AnalyzeAsync(source);
        var actual = diagnostics.Where(d => d.Id.StartsWith("MG", System.StringComparison.Ordinal))
            .Select(d => (d.Id, d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))
            .OrderBy(d => d.Start).ThenBy(d => d.Id).ToList();
        var want = expected.OrderBy(d => d.Start).ThenBy(d => d.Id).ToList();
        Assert.True(want.SequenceEqual(actual),
            "Expected:\n" + Describe(source, want) + "\nActual:\n" + Describe(source, actual) + "\nMessages:\n" +
            string.Join("\n", diagnostics.Select(d => d.ToString())));

        var (_, output) = TestCompilation.Generate(source);
        var errors = TestCompilation.Errors(output).ToList();
        Assert.True(errors.Count == 0, "Compiler errors:\n" + string.Join("\n", errors));
        return diagnostics;
    }

    private static string Describe(string source, List<(string Id, int Start, int Length)> items) =>
        string.Join("\n", items.Select(d => $"  {d.Id} at {d.Start}: '{source.Substring(d.Start, d.Length)}'"));
}
