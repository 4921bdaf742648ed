using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelGen.SourceGenerators.Tests.Generation;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>Changing the process culture would leak into tests running beside these, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CultureCollection
{
    public const string Name = "Process culture";
}

/// <summary>
/// The generated sources are a function of the model declarations only: byte-identical across runs,
/// across the order of the syntax trees, and across the culture the compiler runs under.
/// </summary>
[Collection(CultureCollection.Name)]
public class DeterminismTests
{
    /// <summary>Culture-sensitive values on purpose: doubles (0.5, 1e-3, 0.05), negative sizes, parameter counts in the millions, names with an I.</summary>
    private const string Hyperparameters = ModelProject.Usings + """
        namespace Samples.Culture;

        [Model]
        [Input("image", "N, 3, 32, 32")]
        public partial class ImageClassifier
        {
            [Conv2d(64, Kernel = 3, Padding = 1, Activation = Activation.LeakyReLU)] public partial Conv2d InputConv { get; }
            [BatchNorm2d(Eps = 1e-3, Momentum = 0.05)] public partial BatchNorm2d InputNorm { get; }
            [LeakyReLU(NegativeSlope = 0.125)] public partial LeakyReLU Leaky { get; }
            [MaxPool2d(2)] public partial MaxPool2d Pool { get; }
            [Flatten(StartDim = 1, EndDim = -1)] public partial Flatten Flatten { get; }
            [Dropout(0.5)] public partial Dropout Dropout { get; }
            [Linear(1024, Activation = Activation.GELU)] public partial Linear Hidden { get; }
            [LayerNorm(Eps = 1e-6)] public partial LayerNorm Norm { get; }
            [Linear(10)] public partial Linear Output { get; }
            [LogSoftmax(-1)] public partial LogSoftmax Log { get; }
        }
        """;

    private static readonly string[] Sources = typeof(ModelSources).GetFields()
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Append(Hyperparameters)
        .Concat(ModelProject.Files(25).Select(f => f.Text))
        .ToArray();

    /// <summary>Every generated file by hint name, from a fresh compilation and driver.</summary>
    private static SortedDictionary<string, string> Generate(IEnumerable<string> sources)
    {
        var (run, _) = TestCompilation.Generate(sources.ToArray());
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in run.Results.Single().GeneratedSources)
        {
            files.Add(source.HintName, source.SourceText.ToString());
        }
        return files;
    }

    private static void AssertIdentical(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual, string what)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (hint, text) in expected)
        {
            Assert.True(string.Equals(text, actual[hint], StringComparison.Ordinal), $"{hint} differs {what}:\n{FirstDifference(text, actual[hint])}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        int i = 0;
        while (i < expected.Length && i < actual.Length && expected[i] == actual[i])
        {
            i++;
        }
        int start = Math.Max(0, i - 60);
        return "expected: ..." + expected.Substring(start, Math.Min(120, expected.Length - start)) + "\nactual:   ..." + actual.Substring(start, Math.Min(120, actual.Length - start));
    }

    [Fact]
    public void Two_runs_generate_byte_identical_sources()
    {
        var first = Generate(Sources);
        int models = Sources.Sum(s => System.Text.RegularExpressions.Regex.Matches(s, @"\[Model\]").Count);
        Assert.True(first.Count == models, $"{models} models, {first.Count} files generated:\n" + string.Join("\n", first.Keys));
        AssertIdentical(first, Generate(Sources), "on a second run");
    }

    [Fact]
    public void The_order_of_the_syntax_trees_does_not_change_any_generated_source()
    {
        var expected = Generate(Sources);
        for (int seed = 1; seed <= 4; seed++)
        {
            var random = new Random(seed);
            AssertIdentical(expected, Generate(Sources.OrderBy(_ => random.Next())), $"with the trees shuffled (seed {seed})");
        }
        AssertIdentical(expected, Generate(Sources.Reverse()), "with the trees reversed");
    }

    public static IEnumerable<object[]> Cultures() => new[]
    {
        new object[] { "de-DE" },   // ',' decimal separator, '.' grouping
        new object[] { "fr-FR" },   // ',' decimal separator, narrow no-break space grouping
        new object[] { "sv-SE" },   // ',' decimal separator, U+2212 minus sign
        new object[] { "tr-TR" },   // dotted and dotless i in casing
    };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void The_culture_does_not_change_any_generated_source(string name)
    {
        var expected = InCulture(CultureInfo.InvariantCulture, () => Generate(Sources));
        var culture = CultureInfo.GetCultureInfo(name);
        var actual = InCulture(culture, () =>
        {
            // The culture is really in effect (ICU is present), so this test can fail.
            Assert.NotEqual("0.5|-1|I", 0.5.ToString() + "|" + (-1).ToString() + "|" + "i".ToUpper());
            return Generate(Sources);
        });
        AssertIdentical(expected, actual, "under " + name);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public async Task The_culture_does_not_change_any_diagnostic_message(string name)
    {
        const string broken = ModelProject.Usings + """
            [Model]
            [Input("x", "N, 4")]
            public partial class Broken
            {
                [Dropout(1.5)] public partial Dropout Dropout { get; }
                [LeakyReLU(NegativeSlope = -0.25)] public partial LeakyReLU Leaky { get; }
                [Reshape(3, 5)] public partial Unflatten Reshape { get; }
                [Flatten(StartDim = -7)] public partial Flatten Flatten { get; }
            }
            """;
        async Task<string> Messages() => string.Join("\n", (await TestCompilation.AnalyzeAsync(broken))
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture)));

        string expected = await InCultureAsync(CultureInfo.InvariantCulture, Messages);
        Assert.Contains("MG0005", expected);
        Assert.Equal(expected, await InCultureAsync(CultureInfo.GetCultureInfo(name), Messages));
    }

    private static T InCulture<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureState.Use(culture);
        try
        {
            return action();
        }
        finally
        {
            saved.Restore();
        }
    }

    private static async Task<T> InCultureAsync<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var saved = CultureState.Use(culture);
        try
        {
            return await action();
        }
        finally
        {
            saved.Restore();
        }
    }

    /// <summary>The culture of this flow and the default of new and pool threads (a concurrent analyzer runs there).</summary>
    private sealed record CultureState(CultureInfo Current, CultureInfo CurrentUi, CultureInfo? Default, CultureInfo? DefaultUi)
    {
        public static CultureState Use(CultureInfo culture)
        {
            var saved = new CultureState(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
            new CultureState(culture, culture, culture, culture).Restore();
            return saved;
        }

        public void Restore()
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (Current, CurrentUi);
            (CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (Default, DefaultUi);
        }
    }
}
