using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class Conv1dRuleTests
{
    [Fact]
    public void Same_padding_keeps_the_length()
    {
        var result = Conv1dRule.Apply(Shape.Of(N, C, L), new Conv1dOptions(16, 3) { Padding = 1 });
        Assert.Equal(Shape.Of(N, 16, L), Ok(result));
        // Symbols may be 0, and a length-0 input does not fit a 3-wide kernel even padded.
        Assert.Equal(new[] { "L + 2 >= 3" }, Requirements(result.Requirements));
        Assert.Equal(C, result.Inferred["in_channels"]);
        Assert.Equal((48 * C) + 16, result.Parameters);
    }

    [Fact]
    public void Without_padding_the_length_must_fit_the_kernel()
    {
        var result = Conv1dRule.Apply(Shape.Of(N, 8, L), new Conv1dOptions(8, 5) { Stride = 2, Bias = false });
        Assert.Equal("[N, 8, (L - 3) / 2]", Ok(result).ToString());
        Assert.Equal(Dim.FloorDiv(L - 5, 2) + 1, result.Output![2]);
        Assert.Equal(new[] { "L >= 5" }, Requirements(result.Requirements));
        Assert.Equal(Dim.Const(8 * 8 * 5), result.Parameters);
    }

    [Fact]
    public void Unbatched_and_wrong_rank()
    {
        Assert.Equal(Shape.Of(2, 8), Ok(Conv1dRule.Apply(Shape.Of(3, 10), new Conv1dOptions(2, 3))));
        var error = Fails(Conv1dRule.Apply(Shape.Of(N, 3, 8, 8), new Conv1dOptions(2, 3)), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("Conv1d expects a 3-d input [N, C, L] (or 2-d unbatched [C, L]) but got [N, 3, 8, 8]", error.Message);
    }

    [Fact]
    public void A_kernel_longer_than_the_input_is_an_error()
    {
        var error = Fails(Conv1dRule.Apply(Shape.Of(N, 3, 4), new Conv1dOptions(2, 7) { Padding = 1 }), ShapeErrorKind.InvalidHyperparameter, "Kernel");
        Assert.Equal("Conv1d: kernel 7 is larger than the padded input length 6 (4 plus padding 1 on each side)", error.Message);
    }
}
