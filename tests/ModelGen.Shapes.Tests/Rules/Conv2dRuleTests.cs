using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class Conv2dRuleTests
{
    [Fact]
    public void A_3x3_convolution_shrinks_each_side_by_2_and_requires_the_input_to_fit_the_kernel()
    {
        var result = Conv2dRule.Apply(Shape.Of(N, 1, H, W), new Conv2dOptions(32, 3));
        Assert.Equal("[N, 32, H - 2, W - 2]", Ok(result).ToString());
        Assert.Equal(new[] { "H >= 3", "W >= 3" }, Requirements(result.Requirements));
        Assert.Contains("kernel height 3", result.Requirements[0].Reason);
        Assert.Equal(Dim.Const(1), result.Inferred["in_channels"]);
        Assert.Equal(Dim.Const((32 * 1 * 3 * 3) + 32), result.Parameters);
    }

    [Fact]
    public void Concrete_input_gives_concrete_output_and_no_requirements()
    {
        var result = Conv2dRule.Apply(Shape.Of(N, 1, 28, 28), new Conv2dOptions(32, 3));
        Assert.Equal(Shape.Of(N, 32, 26, 26), Ok(result));
        Assert.Empty(result.Requirements);
    }

    [Fact]
    public void Stride_padding_and_dilation_follow_torch_formula()
    {
        // floor((28 + 2*1 - 2*(3 - 1) - 1)/2) + 1 = 13; width: floor((28 - 5)/1) + 1 = 24.
        var options = new Conv2dOptions(8, 3, 5) { StrideH = 2, PaddingH = 1, DilationH = 2 };
        Assert.Equal(Shape.Of(N, 8, 13, 24), Ok(Conv2dRule.Apply(Shape.Of(N, 3, 28, 28), options)));
    }

    [Fact]
    public void A_stride_2_convolution_on_a_symbolic_height_is_a_floor_division()
    {
        var result = Conv2dRule.Apply(Shape.Of(N, C, H, W), new Conv2dOptions(16, 3) { StrideH = 2, StrideW = 2 });
        var output = Ok(result);
        Assert.Equal(Dim.FloorDiv(H - 3, 2) + 1, output[2]);
        Assert.Equal("(H - 1) / 2", output[2].ToString());
        Assert.Equal(C, result.Inferred["in_channels"]);
        Assert.Equal((16 * 9 * C) + 16, result.Parameters);
    }

    [Fact]
    public void Symbolic_kernel_sizes_are_allowed_and_required_to_be_positive()
    {
        var result = Conv2dRule.Apply(Shape.Of(N, C, H, W), new Conv2dOptions(Dim.Sym("F"), K));
        Assert.Equal("[N, F, H - K + 1, W - K + 1]", Ok(result).ToString());
        // out_channels F and kernel K must be positive; K >= 1 is listed once for both axes.
        Assert.Equal(new[] { "F >= 1", "K >= 1", "H >= K", "W >= K" }, Requirements(result.Requirements));
        Assert.Equal("C * F * K * K + F", result.Parameters.ToString());
    }

    [Fact]
    public void Unbatched_input_has_no_batch_dimension()
    {
        var result = Conv2dRule.Apply(Shape.Of(3, 10, 10), new Conv2dOptions(4, 3) { PaddingH = 1, PaddingW = 1 });
        Assert.Equal(Shape.Of(4, 10, 10), Ok(result));
        Assert.Equal(Dim.Const(3), result.Inferred["in_channels"]);
    }

    [Fact]
    public void Wrong_rank_states_the_expected_layouts_and_the_shape()
    {
        var error = Fails(Conv2dRule.Apply(Shape.Of(N, 784), new Conv2dOptions(32, 3)), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("Conv2d expects a 4-d input [N, C, H, W] (or 3-d unbatched [C, H, W]) but got [N, 784]", error.Message);
    }

    [Fact]
    public void A_kernel_larger_than_the_padded_input_is_an_error_on_Kernel()
    {
        var error = Fails(Conv2dRule.Apply(Shape.Of(N, 1, 3, 8), new Conv2dOptions(4, 5)), ShapeErrorKind.InvalidHyperparameter, "Kernel");
        Assert.Equal("Conv2d: kernel 5 is larger than the padded input height 3", error.Message);
        error = Fails(Conv2dRule.Apply(Shape.Of(N, 1, 3, 3), new Conv2dOptions(4, 3) { DilationH = 2 }), ShapeErrorKind.InvalidHyperparameter, "Kernel");
        Assert.Equal("Conv2d: kernel 5 (3 dilated by 2) is larger than the padded input height 3", error.Message);
        error = Fails(Conv2dRule.Apply(Shape.Of(N, 1, 2, 2), new Conv2dOptions(4, 5) { PaddingH = 1, PaddingW = 2 }), ShapeErrorKind.InvalidHyperparameter, "Kernel");
        Assert.Equal("Conv2d: kernel 5 is larger than the padded input height 4 (2 plus padding 1 on each side)", error.Message);
    }

    [Fact]
    public void Groups_must_divide_both_channel_counts()
    {
        Assert.Equal(Shape.Of(N, 6, 6, 6), Ok(Conv2dRule.Apply(Shape.Of(N, 4, 8, 8), new Conv2dOptions(6, 3) { Groups = 2 })));
        var error = Fails(Conv2dRule.Apply(Shape.Of(N, 4, 8, 8), new Conv2dOptions(6, 3) { Groups = 3 }), ShapeErrorKind.InvalidHyperparameter, "Groups");
        Assert.Equal("Conv2d: groups 3 does not divide in_channels 4 of the input [N, 4, 8, 8]", error.Message);
        error = Fails(Conv2dRule.Apply(Shape.Of(N, 4, 8, 8), new Conv2dOptions(5, 3) { Groups = 2 }), ShapeErrorKind.InvalidHyperparameter, "Groups");
        Assert.Equal("Conv2d: groups 2 does not divide out_channels 5", error.Message);
    }

    [Fact]
    public void Grouped_parameters_count_in_channels_per_group()
    {
        var result = Conv2dRule.Apply(Shape.Of(N, 4, 8, 8), new Conv2dOptions(6, 3) { Groups = 2, Bias = false });
        Assert.Equal(Dim.Const(6 * 2 * 9), result.Parameters);
    }

    [Fact]
    public void Symbolic_channels_with_groups_give_a_divisibility_requirement_unless_provable()
    {
        var result = Conv2dRule.Apply(Shape.Of(N, C, 8, 8), new Conv2dOptions(4, 3) { Groups = 2 });
        Ok(result);
        var requirement = Assert.Single(result.Requirements);
        Assert.Equal("2 * (C / 2) >= C", $"{requirement.Value} >= {requirement.Minimum}");
        Assert.Equal(true, requirement.IsSatisfied(new Dictionary<string, long> { ["C"] = 6 }));
        Assert.Equal(false, requirement.IsSatisfied(new Dictionary<string, long> { ["C"] = 7 }));

        var provable = Conv2dRule.Apply(Shape.Of(N, 2 * C, 8, 8), new Conv2dOptions(4, 3) { Groups = 2 });
        Assert.Empty(provable.Requirements);
        Assert.Equal((4 * C * 9) + 4, provable.Parameters);
        Fails(Conv2dRule.Apply(Shape.Of(N, (2 * C) + 1, 8, 8), new Conv2dOptions(4, 3) { Groups = 2 }), ShapeErrorKind.InvalidHyperparameter, "Groups");
    }

    [Fact]
    public void A_symbolic_stride_cannot_be_inferred()
    {
        var error = Fails(Conv2dRule.Apply(Shape.Of(N, 1, H, W), new Conv2dOptions(4, 3) { StrideW = Dim.Sym("S") }), ShapeErrorKind.CannotInfer, "Stride");
        Assert.Contains("stride must be a compile-time constant", error.Message);
    }

    [Theory]
    [InlineData(0, 3, 1, 0, 1, 1, "OutChannels")]
    [InlineData(4, 0, 1, 0, 1, 1, "Kernel")]
    [InlineData(4, 3, 0, 0, 1, 1, "Stride")]
    [InlineData(4, 3, 1, -1, 1, 1, "Padding")]
    [InlineData(4, 3, 1, 0, 0, 1, "Dilation")]
    [InlineData(4, 3, 1, 0, 1, 0, "Groups")]
    public void Out_of_range_hyperparameters_name_their_argument(long outChannels, long kernel, long stride, long padding, long dilation, long groups, string argument)
    {
        var options = new Conv2dOptions(outChannels, kernel) { StrideH = stride, PaddingW = padding, DilationH = dilation, Groups = groups };
        Fails(Conv2dRule.Apply(Shape.Of(2, 4, 9, 9), options), ShapeErrorKind.InvalidHyperparameter, argument);
    }

    [Fact]
    public void A_declared_in_channels_must_match_the_input()
    {
        Ok(Conv2dRule.Apply(Shape.Of(N, 3, 8, 8), new Conv2dOptions(4, 3) { InChannels = 3 }));
        var error = Fails(Conv2dRule.Apply(Shape.Of(N, 3, 8, 8), new Conv2dOptions(4, 3) { InChannels = 1 }), ShapeErrorKind.DimMismatch, "in_channels");
        Assert.Equal("Conv2d: in_channels is 1 but the input [N, 3, 8, 8] has 3 channels", error.Message);
        error = Fails(Conv2dRule.Apply(Shape.Of(N, C, 8, 8), new Conv2dOptions(4, 3) { InChannels = 1 }), ShapeErrorKind.DimMismatch, "in_channels");
        Assert.StartsWith("Conv2d: cannot prove in_channels 1 equals", error.Message);
    }

    [Fact]
    public void Huge_sizes_are_an_error_not_an_overflow_exception()
    {
        Fails(Conv2dRule.Apply(Shape.Of(1, long.MaxValue, 4, 4), new Conv2dOptions(long.MaxValue, 3)), ShapeErrorKind.CannotInfer, "input");
    }
}
