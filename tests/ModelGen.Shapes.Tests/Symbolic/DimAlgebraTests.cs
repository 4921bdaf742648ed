using System;
using System.Collections.Generic;
using ModelGen.Shapes.Tests.Support;
using Xunit;

namespace ModelGen.Shapes.Tests.Symbolic;

public class DimAlgebraTests
{
    private static readonly Dim N = Dim.Sym("N");
    private static readonly Dim H = Dim.Sym("H");
    private static readonly Dim W = Dim.Sym("W");
    private static readonly Dim C = Dim.Sym("C");

    [Fact]
    public void Constants_fold_and_know_their_value()
    {
        Dim d = Dim.Const(3) * 4 + 2 - 14;
        Assert.True(d.IsConstant);
        Assert.Equal(0, d.ConstantValue);
        Assert.Equal(Dim.Zero, d);
        Assert.Equal(Dim.Const(7), (Dim)7L);
    }

    [Fact]
    public void A_symbol_is_not_constant_and_lists_itself()
    {
        Assert.False(N.IsConstant);
        Assert.Null(N.ConstantValue);
        Assert.Equal(new[] { "N" }, N.Symbols);
    }

    [Fact]
    public void Symbols_are_sorted_ordinally_distinct_and_include_those_inside_floor_divisions()
    {
        var d = (W * Dim.Sym("a")) + Dim.FloorDiv(H + C, 2) + W;
        Assert.Equal(new[] { "C", "H", "W", "a" }, d.Symbols);
    }

    [Fact]
    public void Equality_is_algebraic_for_polynomials()
    {
        Assert.Equal((N + 1) * (N + 1), (N * N) + (2 * N) + 1);
        Assert.Equal(C * H * W, W * (H * C));
        Assert.Equal(H - H, Dim.Zero);
        Assert.Equal((H + W) - W, H);
        Assert.NotEqual(H, W);
        Assert.True((2 * N) == (N + N));
        Assert.True(N != (N + 1));
    }

    [Fact]
    public void Equal_values_have_equal_hashes_and_work_as_dictionary_keys()
    {
        var map = new Dictionary<Dim, string> { [(N + 1) * 2] = "two N plus two" };
        Assert.Equal("two N plus two", map[(2 * N) + 2]);
        Assert.Equal(((C * H) + 5).GetHashCode(), (5 + (H * C)).GetHashCode());
    }

    [Fact]
    public void The_hash_is_the_same_in_every_process()
    {
        // Fixed numbers: with string.GetHashCode they would change from run to run.
        Assert.Equal(HashOfN, Dim.Sym("N").GetHashCode());
        Assert.Equal(HashOfFloor, (Dim.FloorDiv(Dim.Sym("H") - 3, 2) + 1).GetHashCode());
    }

    private const int HashOfN = -1769422904;
    private const int HashOfFloor = 1702098511;

    [Fact]
    public void Floor_division_by_one_is_the_numerator()
    {
        Assert.Equal(H - 3, Dim.FloorDiv(H - 3, 1));
    }

    [Theory]
    [InlineData(7, 2, 3)]
    [InlineData(-7, 2, -4)]
    [InlineData(-8, 2, -4)]
    [InlineData(0, 5, 0)]
    public void Floor_division_of_a_constant_rounds_toward_negative_infinity(long numerator, long divisor, long expected)
    {
        Assert.Equal(Dim.Const(expected), Dim.FloorDiv(numerator, divisor));
    }

    [Fact]
    public void Exact_division_of_every_coefficient_leaves_no_floor()
    {
        Assert.Equal(N + 2, Dim.FloorDiv((4 * N) + 8, 4));
    }

    [Fact]
    public void Multiples_of_the_divisor_move_out_of_the_floor()
    {
        // floor((2H + 1)/2) = H + floor(1/2) = H
        Assert.Equal(H, Dim.FloorDiv((2 * H) + 1, 2));
        // floor((3H + W)/3) = H + floor(W/3)
        Assert.Equal(H + Dim.FloorDiv(W, 3), Dim.FloorDiv((3 * H) + W, 3));
    }

    [Fact]
    public void The_numerator_constant_is_normalised_so_shifted_forms_compare_equal()
    {
        // floor((H - 3)/2) + 1 and floor((H + 1)/2) - 1 and floor((H - 1)/2) are one value.
        var a = Dim.FloorDiv(H - 3, 2) + 1;
        var b = Dim.FloorDiv(H + 1, 2) - 1;
        var c = Dim.FloorDiv(H - 1, 2);
        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }

    [Fact]
    public void A_factor_common_to_the_divisor_and_the_symbolic_coefficients_cancels()
    {
        // floor((2H + 1)/4) = floor(H/2)
        Assert.Equal(Dim.FloorDiv(H, 2), Dim.FloorDiv((2 * H) + 1, 4));
        // floor((6H + 3W + 5)/9) = floor((2H + W + 1)/3)
        Assert.Equal(Dim.FloorDiv((2 * H) + W + 1, 3), Dim.FloorDiv((6 * H) + (3 * W) + 5, 9));
    }

    [Fact]
    public void Nested_floor_divisions_merge()
    {
        // floor(floor(H/2)/3) = floor(H/6)
        Assert.Equal(Dim.FloorDiv(H, 6), Dim.FloorDiv(Dim.FloorDiv(H, 2), 3));
        // floor((floor(H/2) + W)/3) = floor((H + 2W)/6)
        Assert.Equal(Dim.FloorDiv(H + (2 * W), 6), Dim.FloorDiv(Dim.FloorDiv(H, 2) + W, 3));
    }

    [Fact]
    public void Two_stride_2_convolutions_equal_one_floor_by_4()
    {
        // Conv k3 s2 twice: floor((floor((H - 3)/2) + 1 - 3)/2) + 1 = floor((H - 7)/4) + 1.
        var once = Dim.FloorDiv(H - 3, 2) + 1;
        var twice = Dim.FloorDiv(once - 3, 2) + 1;
        Assert.Equal(Dim.FloorDiv(H - 7, 4) + 1, twice);
    }

    [Fact]
    public void Floor_division_rejects_a_divisor_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dim.FloorDiv(H, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dim.FloorDiv(H, -2));
        Assert.Throws<ArgumentNullException>(() => Dim.FloorDiv(null!, 2));
    }

    [Fact]
    public void Exact_polynomial_division()
    {
        Assert.Equal(N, Dim.DivideExact(784 * N, 784));
        Assert.Equal(N, Dim.DivideExact(N * C * H * W, C * H * W));
        Assert.Equal(N + 1, Dim.DivideExact((N * H) + N + H + 1, H + 1));
        Assert.Equal(4 * C, Dim.DivideExact(8 * C * H, 2 * H));
        Assert.Null(Dim.DivideExact(256 * N, 784));
        Assert.Null(Dim.DivideExact(N * H, W));
        Assert.Null(Dim.DivideExact(N + 1, N));
        Assert.Null(Dim.DivideExact(N, Dim.Zero));
    }

    [Fact]
    public void Relate_says_equal_not_equal_or_unknown()
    {
        Assert.Equal(DimRelation.Equal, Dim.Relate(N * 2, N + N));
        Assert.Equal(DimRelation.NotEqual, Dim.Relate(3, 4));
        Assert.Equal(DimRelation.NotEqual, Dim.Relate(H - 2, H));
        Assert.Equal(DimRelation.Unknown, Dim.Relate(N, 3));
        Assert.Equal(DimRelation.Unknown, Dim.Relate(N, Dim.Sym("M")));
        Assert.Equal(DimRelation.Unknown, Dim.Relate(2 * N, N));
    }

    [Fact]
    public void Substitute_replaces_bound_symbols_and_renormalises()
    {
        var d = Dim.FloorDiv(H - 3, 2) + 1;
        var values = new Dictionary<string, Dim> { ["H"] = 2 * W + 3 };
        // floor((2W + 3 - 3)/2) + 1 = W + 1
        Assert.Equal(W + 1, d.Substitute(values));
        Assert.Equal(N * W, (N * H).Substitute(new Dictionary<string, Dim> { ["H"] = W }));
        Assert.Equal(N + 4, (N + H).Substitute(new Dictionary<string, Dim> { ["H"] = 4 }));
    }

    [Fact]
    public void Evaluate_uses_floor_division_and_reports_unbound_symbols_and_overflow_as_null()
    {
        var d = Dim.FloorDiv(H - 3, 2) + 1;
        Assert.Equal(13, d.Evaluate(new Dictionary<string, long> { ["H"] = 28 }));
        Assert.Equal(0, d.Evaluate(new Dictionary<string, long> { ["H"] = 1 }));
        Assert.Null((N + H).Evaluate(new Dictionary<string, long> { ["N"] = 1 }));
        Assert.Null((N * N * N).Evaluate(new Dictionary<string, long> { ["N"] = 3_000_000_000L }));
    }

    [Fact]
    public void Constant_arithmetic_that_overflows_throws_overflow()
    {
        Assert.Throws<OverflowException>(() => Dim.Const(long.MaxValue) + 1);
        Assert.Throws<OverflowException>(() => Dim.Const(long.MaxValue / 2) * 3);
    }

    [Fact]
    public void Canonical_form_agrees_with_a_straightforward_interpreter_on_random_expressions()
    {
        var random = new Random(20241130);
        int checkedValues = 0;
        for (int i = 0; i < 3000; i++)
        {
            var expression = RandomExpressions.Next(random, 4);
            for (int j = 0; j < 8; j++)
            {
                var values = RandomExpressions.Assignment(random);
                long expected = expression.Evaluate(values);
                Assert.True(expected == expression.Dim.Evaluate(values), $"{expression.Text} = {expression.Dim} at {Describe(values)}: expected {expected}, Evaluate gave {expression.Dim.Evaluate(values)}");
                checkedValues++;
            }
        }
        Assert.Equal(24000, checkedValues);
    }

    [Fact]
    public void Substituting_constants_agrees_with_evaluating()
    {
        var random = new Random(7);
        for (int i = 0; i < 1000; i++)
        {
            var expression = RandomExpressions.Next(random, 4);
            var values = RandomExpressions.Assignment(random);
            var asDims = new Dictionary<string, Dim>();
            foreach (var pair in values)
            {
                asDims[pair.Key] = pair.Value;
            }
            var substituted = expression.Dim.Substitute(asDims);
            Assert.True(substituted.IsConstant, $"{expression.Dim} substituted is {substituted}");
            Assert.Equal(expression.Evaluate(values), substituted.ConstantValue);
        }
    }

    [Fact]
    public void Building_the_same_value_in_different_orders_gives_the_same_canonical_form()
    {
        var random = new Random(99);
        for (int i = 0; i < 1000; i++)
        {
            var a = RandomExpressions.Next(random, 3);
            var b = RandomExpressions.Next(random, 3);
            var c = RandomExpressions.Next(random, 2);
            Assert.Equal((a.Dim + b.Dim) * c.Dim, (c.Dim * b.Dim) + (a.Dim * c.Dim));
            Assert.Equal(a.Dim - b.Dim + b.Dim, a.Dim);
            long d = random.Next(1, 6);
            Assert.Equal(Dim.FloorDiv((d * b.Dim) + a.Dim, d), b.Dim + Dim.FloorDiv(a.Dim, d));
        }
    }

    [Fact]
    public void Dividing_a_polynomial_twice_equals_dividing_it_once_by_the_product()
    {
        // Holds for polynomials and for chains of floors over them (the shapes conv and pool layers
        // produce). A value that already holds several different floor divisions may keep more than
        // one normal form; see docs/shape-engine.md.
        var random = new Random(1234);
        for (int i = 0; i < 2000; i++)
        {
            var a = RandomExpressions.Next(random, 4, floors: false).Dim;
            long d = random.Next(1, 8);
            long e = random.Next(1, 8);
            long c = random.Next(-5, 6);
            Assert.True(Dim.FloorDiv(Dim.FloorDiv(a, d), e) == Dim.FloorDiv(a, d * e), $"a = {a}, d = {d}, e = {e}");
            // floor((floor(a/d) + c)/e) = floor((a + c*d)/(d*e))
            Assert.True(Dim.FloorDiv(Dim.FloorDiv(a, d) + c, e) == Dim.FloorDiv(a + (c * d), d * e), $"a = {a}, d = {d}, c = {c}, e = {e}");
        }
    }

    [Fact]
    public void Chains_of_convolution_output_sizes_over_one_symbol_have_one_normal_form()
    {
        // Any chain of out = floor((in + 2p - k)/s) + 1 over H is floor((H + r)/S) + q for some r, S, q:
        // build the same value as a chain and directly, and compare.
        var random = new Random(77);
        for (int i = 0; i < 2000; i++)
        {
            Dim size = H;
            // Track the chain in closed form: out = floor((H + offset)/scale) + extra.
            long offset = 0, scale = 1, extra = 0;
            int layers = random.Next(1, 5);
            for (int l = 0; l < layers; l++)
            {
                long k = random.Next(1, 6), p = random.Next(0, 3), s = random.Next(1, 4);
                size = Dim.FloorDiv(size + (2 * p) - k, s) + 1;
                // floor((floor((H + offset)/scale) + extra + 2p - k)/s) + 1
                //   = floor((H + offset + scale*(extra + 2p - k))/(scale*s)) + 1
                offset += scale * (extra + (2 * p) - k);
                scale *= s;
                extra = 1;
            }
            Assert.Equal(Dim.FloorDiv(H + offset, scale) + extra, size);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, long> values) =>
        string.Join(", ", System.Linq.Enumerable.Select(values, p => $"{p.Key}={p.Value}"));
}
