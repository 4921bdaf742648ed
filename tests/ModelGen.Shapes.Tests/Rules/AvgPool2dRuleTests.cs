using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class AvgPool2dRuleTests
{
    [Fact]
    public void Same_output_sizes_as_max_pooling_without_dilation()
    {
        var result = AvgPool2dRule.Apply(Shape.Of(N, C, H, W), new AvgPool2dOptions(3) { StrideH = 2, StrideW = 2, PaddingH = 1, PaddingW = 1 });
        Assert.Equal("[N, C, (H + 1) / 2, (W + 1) / 2]", Ok(result).ToString());
        Assert.Equal(new[] { "H + 2 >= 3", "W + 2 >= 3" }, Requirements(result.Requirements));
        Assert.Equal(Dim.Zero, result.Parameters);
    }

    [Fact]
    public void Ceil_mode_follows_the_same_last_window_rule()
    {
        var options = new AvgPool2dOptions(3) { StrideH = 2, StrideW = 2, CeilMode = true };
        // ceil((6 - 3)/2) + 1 = 3; the third window starts at 4 < 6, so it stays.
        Assert.Equal(Shape.Of(1, 2, 3, 3), Ok(AvgPool2dRule.Apply(Shape.Of(1, 2, 6, 6), options)));
    }

    [Fact]
    public void Padding_more_than_half_the_kernel_and_wrong_rank_are_errors()
    {
        var error = Fails(AvgPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new AvgPool2dOptions(2) { PaddingH = 2 }), ShapeErrorKind.InvalidHyperparameter, "Padding");
        Assert.Equal("AvgPool2d: padding 2 is more than half the kernel height 2", error.Message);
        Fails(AvgPool2dRule.Apply(Shape.Of(N, 3, 8, 8, 8), new AvgPool2dOptions(2)), ShapeErrorKind.RankMismatch, "input");
        Fails(AvgPool2dRule.Apply(Shape.Of(N, 3, 1, 8), new AvgPool2dOptions(2)), ShapeErrorKind.InvalidHyperparameter, "Kernel");
    }
}
