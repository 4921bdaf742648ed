using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ModelGen.Shapes.Tests.Support;
using Xunit;

namespace ModelGen.Shapes.Tests.Symbolic;

public class DimFormattingTests
{
    private static readonly Dim N = Dim.Sym("N");
    private static readonly Dim H = Dim.Sym("H");
    private static readonly Dim W = Dim.Sym("W");
    private static readonly Dim C = Dim.Sym("C");

    public static IEnumerable<object[]> Texts() => new[]
    {
        new object[] { N, "N" },
        new object[] { Dim.Const(32), "32" },
        new object[] { Dim.Zero, "0" },
        new object[] { Dim.Const(-3), "-3" },
        new object[] { 4 * C, "4 * C" },
        new object[] { H - 2, "H - 2" },
        new object[] { 2 - H, "2 - H" },
        new object[] { -H, "-H" },
        new object[] { W + H, "H + W" },
        new object[] { C * H * W, "C * H * W" },
        new object[] { (C * H * W) + H - 2, "C * H * W + H - 2" },
        new object[] { N * N, "N * N" },
        new object[] { Dim.FloorDiv(H, 2), "H / 2" },
        new object[] { Dim.FloorDiv(H - 3, 2) + 1, "(H - 1) / 2" },
        new object[] { Dim.FloorDiv(H + 1, 2), "(H + 1) / 2" },
        new object[] { Dim.FloorDiv(H, 2) + 1, "(H + 2) / 2" },
        new object[] { Dim.FloorDiv(H, 2) - 1, "(H - 2) / 2" },
        new object[] { Dim.FloorDiv(H - 5, 2) + 1, "(H - 3) / 2" },
        new object[] { Dim.FloorDiv(H + 1, 2) + W - 1, "W + (H - 1) / 2" },
        new object[] { Dim.FloorDiv(H, 2) + Dim.FloorDiv(W, 2) + 1, "H / 2 + W / 2 + 1" },
        new object[] { Dim.FloorDiv(3 * H, 4), "3 * H / 4" },
        new object[] { 3 * Dim.FloorDiv(H, 4), "3 * (H / 4)" },
        new object[] { N * Dim.FloorDiv(H, 2), "N * (H / 2)" },
        new object[] { Dim.FloorDiv(C * H, 4), "C * H / 4" },
        new object[] { Dim.FloorDiv(H, 2) + Dim.FloorDiv(W, 2), "H / 2 + W / 2" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ToString_writes_canonical_human_text(Dim value, string expected)
    {
        Assert.Equal(expected, value.ToString());
    }

    [Fact]
    public void ToString_orders_symbols_ordinally_and_does_not_depend_on_how_the_value_was_built()
    {
        var lower = Dim.Sym("a");
        Assert.Equal("B + a", (lower + Dim.Sym("B")).ToString());
        Assert.Equal((Dim.Sym("B") + lower).ToString(), (lower + Dim.Sym("B")).ToString());
    }

    [Fact]
    public void ToString_is_culture_invariant()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // A culture with a different minus sign and digit grouping.
            Thread.CurrentThread.CurrentCulture = new CultureInfo("sv-SE") { NumberFormat = { NegativeSign = "\u2212", NumberGroupSeparator = " " } };
            Assert.Equal("1234567 * N - 1000000", ((1234567 * N) - 1000000).ToString());
            Assert.Equal("-3", Dim.Const(-3).ToString());
            Assert.Equal("1234567 * N - 1000000", ((1234567 * N) - 1000000).ToCSharp(s => s));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToString_round_trips_through_ShapeText()
    {
        var random = new Random(31);
        int roundTrips = 0;
        for (int i = 0; i < 3000; i++)
        {
            var value = RandomExpressions.Next(random, 4).Dim;
            string text = value.ToString();
            // Shape text has no negative literals and no leading minus, and constants must be positive.
            if (text.StartsWith("-", StringComparison.Ordinal) || (value.IsConstant && value.ConstantValue <= 0))
            {
                continue;
            }
            var parsed = ShapeText.Parse(text);
            Assert.True(parsed.Success, $"'{text}': {parsed.Error}");
            Assert.Equal(value, parsed.Shape![0]);
            roundTrips++;
        }
        Assert.True(roundTrips > 1500, $"only {roundTrips} round trips");
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void ToCSharp_emits_an_expression_whose_value_matches(Dim value, string _)
    {
        var random = new Random(5);
        for (int i = 0; i < 50; i++)
        {
            var values = new Dictionary<string, long> { ["N"] = random.Next(0, 50), ["H"] = random.Next(0, 50), ["W"] = random.Next(0, 50), ["C"] = random.Next(0, 50) };
            Assert.Equal(value.Evaluate(values), CSharpLongInterpreter.Evaluate(value.ToCSharp(s => s), values));
        }
    }

    [Fact]
    public void ToCSharp_maps_symbols_and_parenthesises_floor_divisions()
    {
        var value = (3 * Dim.FloorDiv(H + 1, 2)) - 1;
        Assert.Equal("3 * ((((long)h) + 1) / 2) - 1", value.ToCSharp(s => "(long)" + s.ToLowerInvariant()));
        Assert.Equal("3 * ((x.shape[2] + 1) / 2) - 1", value.ToCSharp(_ => "x.shape[2]"));
        Assert.Equal("3 * (((a + b) + 1) / 2) - 1", value.ToCSharp(_ => "a + b"));
        Assert.Equal("0", Dim.Zero.ToCSharp(s => s));
        Assert.Equal("-2 * N + 5", (5 - (2 * N)).ToCSharp(s => s));
    }

    [Fact]
    public void ToCSharp_agrees_with_Evaluate_for_every_non_negative_assignment_of_random_expressions()
    {
        // Canonical numerators have coefficients in [0, divisor), so with non-negative symbols every
        // emitted division has a non-negative numerator and C#'s truncation equals floor division.
        var random = new Random(424242);
        int compared = 0;
        for (int i = 0; i < 3000; i++)
        {
            var expression = RandomExpressions.Next(random, 4);
            string code = expression.Dim.ToCSharp(s => s);
            for (int j = 0; j < 8; j++)
            {
                var values = RandomExpressions.Assignment(random);
                long expected = expression.Evaluate(values);
                Assert.True(expected == CSharpLongInterpreter.Evaluate(code, values), $"{expression.Text} emitted as {code} at {string.Join(", ", values)}");
                compared++;
            }
        }
        Assert.Equal(24000, compared);
    }
}
