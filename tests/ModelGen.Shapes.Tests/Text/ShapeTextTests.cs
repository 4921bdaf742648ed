using System;
using Xunit;

namespace ModelGen.Shapes.Tests.Text;

public class ShapeTextTests
{
    private static readonly Dim N = Dim.Sym("N");
    private static readonly Dim H = Dim.Sym("H");

    private static Shape ParseOk(string text)
    {
        var result = ShapeText.Parse(text);
        Assert.True(result.Success, $"'{text}' failed: {result.Error}");
        Assert.Null(result.Error);
        return result.Shape!;
    }

    /// <summary>Asserts the error and that it underlines exactly <paramref name="underlined"/>.</summary>
    private static ShapeTextError ParseFails(string text, string messagePart, int start, string underlined)
    {
        var result = ShapeText.Parse(text);
        Assert.False(result.Success, $"'{text}' parsed as {result.Shape}");
        Assert.Null(result.Shape);
        var error = result.Error!;
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        Assert.Equal(start, error.Start);
        Assert.Equal(underlined, text.Substring(error.Start, error.Length));
        return error;
    }

    [Fact]
    public void Integers_and_names_make_a_shape_outermost_first()
    {
        Assert.Equal(Shape.Of(N, 1, 28, 28), ParseOk("N, 1, 28, 28"));
        Assert.Equal(Shape.Of(N, Dim.Sym("T"), 128), ParseOk("N, T, 128"));
        Assert.Equal(Shape.Of(N, Dim.Sym("inChannels"), H, Dim.Sym("W")), ParseOk("N, inChannels, H, W"));
        Assert.Equal(Shape.Of(Dim.Sym("_x1")), ParseOk("_x1"));
    }

    [Fact]
    public void Whitespace_is_free_and_brackets_are_optional()
    {
        Assert.Equal(Shape.Of(N, 3), ParseOk("  N ,3\t"));
        Assert.Equal(Shape.Of(N, 1, 28, 28), ParseOk("[N, 1, 28, 28]"));
    }

    [Fact]
    public void Expressions_use_usual_precedence_and_floor_division()
    {
        Assert.Equal(Shape.Of(N, 4 * Dim.Sym("filters")), ParseOk("N, filters * 4"));
        Assert.Equal(Shape.Of(N, Dim.FloorDiv(H - 1, 2)), ParseOk("N, (H - 1) / 2"));
        Assert.Equal(Shape.Of(H + 6), ParseOk("H + 2 * 3"));
        Assert.Equal(Shape.Of(Dim.FloorDiv(3 * H, 2)), ParseOk("H * 3 / 2"));
        Assert.Equal(Shape.Of(3 * Dim.FloorDiv(H, 2)), ParseOk("H / 2 * 3"));
        Assert.Equal(Shape.Of(H - 2 - 1), ParseOk("H - 2 - 1"));
        Assert.Equal(Shape.Of(Dim.FloorDiv(H, 6)), ParseOk("H / (2 * 3)"));
    }

    [Fact]
    public void A_shape_prints_as_text_that_parses_back_to_it()
    {
        var shape = Shape.Of(N, 32, Dim.FloorDiv(H - 3, 2) + 1, 4 * Dim.Sym("C") * H);
        Assert.Equal(shape, ParseOk(shape.ToString()));
    }

    [Fact]
    public void Empty_text_is_an_error_over_the_whole_text()
    {
        var error = ShapeText.Parse("").Error!;
        Assert.Equal("the shape is empty: expected comma-separated dimensions such as \"N, 1, 28, 28\"", error.Message);
        Assert.Equal(0, error.Start);
        Assert.Equal(0, error.Length);
        ParseFails("   ", "the shape is empty", 0, "   ");
        ParseFails("[]", "the shape is empty", 0, "[]");
    }

    [Fact]
    public void An_empty_dimension_underlines_the_comma_after_it_or_before_it_at_the_end()
    {
        var error = ParseFails("N,,3", "dimension 1 is empty", 2, ",");
        Assert.Equal("dimension 1 is empty", error.Message);
        ParseFails(", 3", "dimension 0 is empty", 0, ",");
        ParseFails("N, 3,", "dimension 2 is empty", 4, ",");
        ParseFails("N, , 3", "dimension 1 is empty", 3, ",");
    }

    [Fact]
    public void Dimensions_are_numbered_from_0_as_torch_and_the_generated_entry_guard_number_them()
    {
        Assert.Equal("dimension 1 is empty", ShapeText.Parse("N,, 28").Error!.Message);
        Assert.Equal("dimension 0 is empty", ShapeText.Parse(",28").Error!.Message);
        Assert.Equal("dimension 2 ('4 - 4') is 0: sizes must be positive", ShapeText.Parse("N, 1, 4 - 4").Error!.Message);
        Assert.Equal("unexpected 'W' in dimension 3: expected an operator (+, -, *, /), ',' or the end of the shape", ShapeText.Parse("N, 1, H, 2 W").Error!.Message);
    }

    [Fact]
    public void Zero_is_not_a_dimension()
    {
        var error = ParseFails("N, 0, 28", "'0' is not a valid dimension: sizes must be positive", 3, "0");
        Assert.Equal(1, error.Length);
        ParseFails("H + 0", "'0' is not a valid dimension", 4, "0");
    }

    [Fact]
    public void Negative_literals_are_not_dimensions()
    {
        ParseFails("N, -3", "'-3' is not a valid dimension: sizes cannot be negative", 3, "-3");
        ParseFails("-H", "'-H' is not a valid dimension", 0, "-H");
        ParseFails("H * -2", "'-2' is not a valid dimension", 4, "-2");
    }

    [Fact]
    public void A_dimension_that_is_a_non_positive_constant_is_an_error_over_the_dimension()
    {
        ParseFails("N, 3 - 3", "dimension 1 ('3 - 3') is 0: sizes must be positive", 3, "3 - 3");
        ParseFails("N, 2 - 5, 4", "dimension 1 ('2 - 5') is -3", 3, "2 - 5");
        ParseFails("N, 1 / 2", "dimension 1 ('1 / 2') is 0", 3, "1 / 2");
    }

    [Fact]
    public void Bad_characters_are_named()
    {
        var error = ParseFails("N, $, 3", "'$' is not a valid dimension: expected a positive integer or a name", 3, "$");
        Assert.Equal("'$' is not a valid dimension: expected a positive integer or a name", error.Message);
        ParseFails("N, 2.5", "'2.5' is not a valid dimension", 3, "2.5");
        ParseFails("N, 3x", "'3x' is not a valid dimension", 3, "3x");
        ParseFails("N, é", "'é' is not a valid dimension", 3, "é");
        ParseFails("N H", "unexpected 'H' in dimension 0: expected an operator (+, -, *, /), ',' or the end of the shape", 2, "H");
        ParseFails("N, H $", "unexpected '$' in dimension 1", 5, "$");
    }

    [Fact]
    public void Unbalanced_parentheses_underline_the_lonely_one()
    {
        ParseFails("N, (H - 1 / 2", "'(' is never closed", 3, "(");
        ParseFails("N, H - 1) / 2", "')' has no matching '('", 8, ")");
        ParseFails("N, ()", "empty parentheses '()'", 3, "()");
        ParseFails("N, (H 1)", "unexpected '1' in dimension 1: expected an operator (+, -, *, /) or ')'", 6, "1");
        ParseFails("[N, 3", "'[' is never closed", 0, "[");
        ParseFails("N, 3]", "']' has no matching '['", 4, "]");
        ParseFails("[N, 3] 4", "unexpected '4' after the closing ']'", 7, "4");
    }

    [Fact]
    public void Division_needs_a_positive_constant_divisor()
    {
        ParseFails("N, H / W", "division by 'W' is not allowed: a dimension can only be divided by a positive integer", 7, "W");
        ParseFails("N, H / (W + 1)", "division by '(W + 1)' is not allowed", 7, "(W + 1)");
        ParseFails("N, H / (2 - 2)", "division by zero ('(2 - 2)')", 7, "(2 - 2)");
        ParseFails("N, H / (2 - 3)", "division by -1 ('(2 - 3)'): the divisor must be a positive integer", 7, "(2 - 3)");
    }

    [Fact]
    public void A_trailing_operator_is_underlined()
    {
        ParseFails("N, H -", "'-' needs a value after it", 5, "-");
        ParseFails("N, H * , 3", "'*' needs a value after it", 5, "*");
        ParseFails("N, (H +)", "'+' needs a value after it", 6, "+");
        ParseFails("N, * 3", "'*' is not a valid dimension: expected a positive integer or a name", 3, "*");
    }

    [Fact]
    public void Overflow_is_an_error_not_an_exception()
    {
        ParseFails("N, 99999999999999999999", "'99999999999999999999' is too large for a 64-bit integer", 3, "99999999999999999999");
        ParseFails("N, 9223372036854775807 + 1", "dimension 1 ('9223372036854775807 + 1') overflows a 64-bit integer", 3, "9223372036854775807 + 1");
        ParseFails("N, 4294967296 * 4294967296", "overflows a 64-bit integer", 3, "4294967296 * 4294967296");
    }

    [Fact]
    public void Null_text_is_a_programmer_error()
    {
        Assert.Throws<ArgumentNullException>(() => ShapeText.Parse(null!));
    }
}
