using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class MaxPool2dRuleTests
{
    [Fact]
    public void A_2x2_pool_halves_each_side_rounding_down()
    {
        var result = MaxPool2dRule.Apply(Shape.Of(N, C, H, W), new MaxPool2dOptions(2));
        Assert.Equal("[N, C, H / 2, W / 2]", Ok(result).ToString());
        Assert.Equal(new[] { "H >= 2", "W >= 2" }, Requirements(result.Requirements));
        Assert.Equal(Dim.Zero, result.Parameters);
        Assert.Empty(result.Inferred);
        Assert.Equal(Shape.Of(N, 32, 13, 13), Ok(MaxPool2dRule.Apply(Shape.Of(N, 32, 26, 27), new MaxPool2dOptions(2))));
    }

    [Fact]
    public void Stride_defaults_to_the_kernel_and_can_be_set_per_axis()
    {
        var options = new MaxPool2dOptions(3, 2) { StrideH = 1 };
        Assert.Equal(Shape.Of(1, 8, 5, 3), Ok(MaxPool2dRule.Apply(Shape.Of(1, 8, 7, 7), options)));
    }

    [Fact]
    public void Dilation_widens_the_window()
    {
        // Window 1 + 2*(3 - 1) = 5 over 9 rows with stride 1: 5 outputs.
        var options = new MaxPool2dOptions(3) { StrideH = 1, StrideW = 1, DilationH = 2 };
        Assert.Equal(Shape.Of(1, 5, 7), Ok(MaxPool2dRule.Apply(Shape.Of(1, 9, 9), options)));
    }

    [Fact]
    public void Ceil_mode_rounds_up_when_the_last_window_starts_inside_the_input()
    {
        var options = new MaxPool2dOptions(2) { CeilMode = true };
        Assert.Equal(Shape.Of(N, 3, 4, 4), Ok(MaxPool2dRule.Apply(Shape.Of(N, 3, 7, 8), options)));
        var symbolic = MaxPool2dRule.Apply(Shape.Of(N, 3, H, W), options);
        Assert.Equal("(H + 1) / 2", Ok(symbolic)[2].ToString());
    }

    [Fact]
    public void Ceil_mode_drops_a_last_window_that_would_start_in_the_right_padding()
    {
        // kernel 2, stride 2, padding 1 over 5: ceil((5 + 2 - 2)/2) + 1 = 4, but window 4 would start
        // at 6 >= 5 + 1, so torch gives 3.
        var options = new MaxPool2dOptions(2) { PaddingH = 1, PaddingW = 1, CeilMode = true };
        Assert.Equal(Shape.Of(1, 3, 3, 3), Ok(MaxPool2dRule.Apply(Shape.Of(1, 3, 5, 4), options)));
        // Symbolically that branch is floor((H + padding - 1)/stride) + 1.
        var output = Ok(MaxPool2dRule.Apply(Shape.Of(1, 3, H, W), options));
        Assert.Equal(Dim.FloorDiv(H, 2) + 1, output[2]);
        foreach (long h in new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            Assert.Equal(TorchCeilOutput(h, 2, 2, 1, 1), output[2].Evaluate(new Dictionary<string, long> { ["H"] = h }));
        }
    }

    [Fact]
    public void Padding_more_than_half_the_kernel_is_rejected_as_torch_does()
    {
        var error = Fails(MaxPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new MaxPool2dOptions(3) { PaddingW = 2 }), ShapeErrorKind.InvalidHyperparameter, "Padding");
        Assert.Equal("MaxPool2d: padding 2 is more than half the kernel width 3", error.Message);
        Ok(MaxPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new MaxPool2dOptions(3) { PaddingW = 1 }));
    }

    [Fact]
    public void A_window_larger_than_the_padded_input_is_an_error()
    {
        var error = Fails(MaxPool2dRule.Apply(Shape.Of(N, 3, 2, 8), new MaxPool2dOptions(3)), ShapeErrorKind.InvalidHyperparameter, "Kernel");
        Assert.Equal("MaxPool2d: kernel 3 is larger than the padded input height 2", error.Message);
    }

    [Fact]
    public void Wrong_rank_and_bad_hyperparameters()
    {
        var error = Fails(MaxPool2dRule.Apply(Shape.Of(N, 784), new MaxPool2dOptions(2)), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("MaxPool2d expects a 4-d input [N, C, H, W] (or 3-d unbatched [C, H, W]) but got [N, 784]", error.Message);
        Fails(MaxPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new MaxPool2dOptions(0)), ShapeErrorKind.InvalidHyperparameter, "Kernel");
        Fails(MaxPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new MaxPool2dOptions(2) { StrideH = 0 }), ShapeErrorKind.InvalidHyperparameter, "Stride");
        Fails(MaxPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new MaxPool2dOptions(2) { DilationW = 0 }), ShapeErrorKind.InvalidHyperparameter, "Dilation");
        Fails(MaxPool2dRule.Apply(Shape.Of(N, 3, 8, 8), new MaxPool2dOptions(K)), ShapeErrorKind.CannotInfer, "Stride");
        Fails(MaxPool2dRule.Apply(Shape.Of(N, 0, 8, 8), new MaxPool2dOptions(2)), ShapeErrorKind.InvalidDimension, "input");
    }

    [Fact]
    public void A_symbolic_kernel_with_a_constant_stride_is_inferred()
    {
        var result = MaxPool2dRule.Apply(Shape.Of(N, C, H, W), new MaxPool2dOptions(K) { StrideH = 1, StrideW = 1 });
        Assert.Equal("[N, C, H - K + 1, W - K + 1]", Ok(result).ToString());
        // padding 0 <= K / 2 holds for every K, so it is not a requirement.
        Assert.Equal(new[] { "K >= 1", "H >= K", "W >= K" }, Requirements(result.Requirements));
    }

    /// <summary>ATen's pooling_output_shape with ceil_mode, written out as torch does.</summary>
    private static long TorchCeilOutput(long size, long kernel, long stride, long padding, long dilation)
    {
        long numerator = size + (2 * padding) - (dilation * (kernel - 1)) - 1 + (stride - 1);
        long output = (long)System.Math.Floor((double)numerator / stride) + 1;
        if ((output - 1) * stride >= size + padding)
        {
            output--;
        }
        return output;
    }
}
