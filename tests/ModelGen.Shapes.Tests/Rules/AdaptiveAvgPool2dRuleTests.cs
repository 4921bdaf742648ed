using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class AdaptiveAvgPool2dRuleTests
{
    [Fact]
    public void The_output_size_replaces_height_and_width_whatever_they_are()
    {
        var result = AdaptiveAvgPool2dRule.Apply(Shape.Of(N, 512, H, W), new AdaptiveAvgPool2dOptions(1));
        Assert.Equal(Shape.Of(N, 512, 1, 1), Ok(result));
        Assert.Empty(result.Requirements);
        Assert.Equal(Shape.Of(64, 7, 3), Ok(AdaptiveAvgPool2dRule.Apply(Shape.Of(64, 2, 2), new AdaptiveAvgPool2dOptions(7, 3))));
    }

    [Fact]
    public void A_1x1_output_is_a_mean_over_the_last_two_dims_of_any_input_with_at_least_2()
    {
        // libtorch computes it as input.mean({-1, -2}, keepdim) before checking the rank.
        Assert.Equal(Shape.Of(N, 1, 1), Ok(AdaptiveAvgPool2dRule.Apply(Shape.Of(N, 8, 3), new AdaptiveAvgPool2dOptions(1))));
        Assert.Equal(Shape.Of(1, 1), Ok(AdaptiveAvgPool2dRule.Apply(Shape.Of(N, 8), new AdaptiveAvgPool2dOptions(1))));
        Assert.Equal(Shape.Of(2, N, 3, 1, 1), Ok(AdaptiveAvgPool2dRule.Apply(Shape.Of(2, N, 3, H, W), new AdaptiveAvgPool2dOptions(1, 1))));
        Fails(AdaptiveAvgPool2dRule.Apply(Shape.Of(N), new AdaptiveAvgPool2dOptions(1)), ShapeErrorKind.RankMismatch, "input");
    }

    [Fact]
    public void Output_sizes_must_be_positive_and_the_input_3_or_4_d()
    {
        Fails(AdaptiveAvgPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new AdaptiveAvgPool2dOptions(0, 2)), ShapeErrorKind.InvalidHyperparameter, "Height");
        Fails(AdaptiveAvgPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new AdaptiveAvgPool2dOptions(2, -1)), ShapeErrorKind.InvalidHyperparameter, "Width");
        Fails(AdaptiveAvgPool2dRule.Apply(Shape.Of(N, 8), new AdaptiveAvgPool2dOptions(2)), ShapeErrorKind.RankMismatch, "input");
        var symbolic = AdaptiveAvgPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new AdaptiveAvgPool2dOptions(K));
        Assert.Equal(new[] { "K >= 1" }, Requirements(symbolic.Requirements));
    }
}
