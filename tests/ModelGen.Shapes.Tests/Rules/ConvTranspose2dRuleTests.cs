using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class ConvTranspose2dRuleTests
{
    [Fact]
    public void A_stride_2_kernel_2_transposed_convolution_doubles_each_side()
    {
        var result = ConvTranspose2dRule.Apply(Shape.Of(N, 16, H, W), new ConvTranspose2dOptions(8, 2) { StrideH = 2, StrideW = 2 });
        // (H - 1)*2 + (2 - 1) + 1 = 2H.
        Assert.Equal("[N, 8, 2 * H, 2 * W]", Ok(result).ToString());
        Assert.Empty(result.Requirements);
        Assert.Equal(Dim.Const(16), result.Inferred["in_channels"]);
        // weight [in, out / groups, kH, kW] plus a bias of out.
        Assert.Equal(Dim.Const((16 * 8 * 2 * 2) + 8), result.Parameters);
    }

    [Fact]
    public void Padding_dilation_and_output_padding_follow_torch_formula()
    {
        // Height: (5 - 1)*2 - 2*1 + 2*(3 - 1) + 1 + 1 = 12; width: (7 - 1)*1 - 0 + 2*(2 - 1) + 1 + 1 = 10.
        var options = new ConvTranspose2dOptions(4, 3, 2) { StrideH = 2, PaddingH = 1, DilationH = 2, DilationW = 2, OutputPaddingH = 1, OutputPaddingW = 1 };
        Assert.Equal(Shape.Of(N, 4, 12, 10), Ok(ConvTranspose2dRule.Apply(Shape.Of(N, 3, 5, 7), options)));
    }

    [Fact]
    public void Unbatched_input_has_no_batch_dimension()
    {
        var result = ConvTranspose2dRule.Apply(Shape.Of(4, 2, 2), new ConvTranspose2dOptions(6, 2, 3) { StrideH = 2 });
        Assert.Equal(Shape.Of(6, 4, 4), Ok(result));
        Assert.Equal(Dim.Const((4 * 6 * 2 * 3) + 6), result.Parameters);
    }

    [Fact]
    public void Grouped_parameters_divide_the_out_channels()
    {
        var result = ConvTranspose2dRule.Apply(Shape.Of(N, 4, 5, 5), new ConvTranspose2dOptions(6, 3) { Groups = 2, Bias = false });
        Assert.Equal(Shape.Of(N, 6, 7, 7), Ok(result));
        Assert.Equal(Dim.Const(4 * 3 * 9), result.Parameters);
        var error = Fails(ConvTranspose2dRule.Apply(Shape.Of(N, 4, 5, 5), new ConvTranspose2dOptions(5, 3) { Groups = 2 }), ShapeErrorKind.InvalidHyperparameter, "Groups");
        Assert.Equal("ConvTranspose2d: groups 2 does not divide out_channels 5", error.Message);
        Fails(ConvTranspose2dRule.Apply(Shape.Of(N, 3, 5, 5), new ConvTranspose2dOptions(4, 3) { Groups = 2 }), ShapeErrorKind.InvalidHyperparameter, "Groups");
    }

    [Fact]
    public void Output_padding_must_be_smaller_than_the_stride_or_the_dilation()
    {
        Ok(ConvTranspose2dRule.Apply(Shape.Of(N, 1, 4, 4), new ConvTranspose2dOptions(1, 3) { StrideH = 2, StrideW = 2, OutputPaddingH = 1, OutputPaddingW = 1 }));
        // Stride 1, but dilation 2 is larger than 1.
        Ok(ConvTranspose2dRule.Apply(Shape.Of(N, 1, 4, 4), new ConvTranspose2dOptions(1, 3) { DilationH = 2, DilationW = 2, OutputPaddingH = 1, OutputPaddingW = 1 }));
        var error = Fails(
            ConvTranspose2dRule.Apply(Shape.Of(N, 1, 4, 4), new ConvTranspose2dOptions(1, 3) { StrideH = 2, StrideW = 2, OutputPaddingH = 2, OutputPaddingW = 2 }),
            ShapeErrorKind.InvalidHyperparameter,
            "OutputPadding");
        Assert.Equal("ConvTranspose2d: output_padding 2 must be smaller than the stride 2 or the dilation 1 (height)", error.Message);
    }

    [Fact]
    public void A_symbolic_stride_multiplies_the_size_and_bounds_the_output_padding()
    {
        var s = Dim.Sym("S");
        var result = ConvTranspose2dRule.Apply(Shape.Of(N, C, H, W), new ConvTranspose2dOptions(8, 2) { StrideH = s, StrideW = s, OutputPaddingH = 1, OutputPaddingW = 1 });
        Assert.Equal("[N, 8, H * S - S + 3, S * W - S + 3]", Ok(result).ToString());
        // stride >= 1, and output_padding 1 < stride (the dilation is 1, so only the stride can be larger).
        Assert.Equal(new[] { "S >= 1", "S >= 2" }, Requirements(result.Requirements));
        Assert.Equal(8 * 4 * C + 8, result.Parameters);
    }

    [Fact]
    public void Different_output_paddings_per_axis_are_rejected_because_TorchSharp_applies_the_first_to_both()
    {
        var error = Fails(
            ConvTranspose2dRule.Apply(Shape.Of(N, 1, 4, 4), new ConvTranspose2dOptions(1, 3) { StrideH = 2, StrideW = 2, OutputPaddingH = 1 }),
            ShapeErrorKind.InvalidHyperparameter,
            "OutputPadding");
        Assert.Equal("ConvTranspose2d: output_padding (1, 0) differs between height and width, but TorchSharp's ConvTranspose2d applies the first value to both axes; use one value", error.Message);
        Fails(
            ConvTranspose2dRule.Apply(Shape.Of(N, 1, 4, 4), new ConvTranspose2dOptions(1, 3) { OutputPaddingH = Dim.Sym("P"), StrideH = 2, StrideW = 2 }),
            ShapeErrorKind.InvalidHyperparameter,
            "OutputPadding");
    }

    [Fact]
    public void An_output_smaller_than_1_is_an_error_when_provable_and_a_requirement_otherwise()
    {
        // (1 - 1)*1 - 2*2 + (3 - 1) + 0 + 1 = -1.
        var error = Fails(ConvTranspose2dRule.Apply(Shape.Of(N, 1, 1, 8), new ConvTranspose2dOptions(1, 3) { PaddingH = 2 }), ShapeErrorKind.InvalidHyperparameter, "Padding");
        Assert.Equal("ConvTranspose2d: the output height (input 0 times stride 1, minus twice the padding 2, plus 2 for the kernel, output_padding 0 and 1) is -1, which is less than 1", error.Message);

        var result = ConvTranspose2dRule.Apply(Shape.Of(N, 1, H, 8), new ConvTranspose2dOptions(1, 3) { PaddingH = 2 });
        Assert.Equal("[N, 1, H - 2, 10]", Ok(result).ToString());
        Assert.Equal(new[] { "H - 2 >= 1" }, Requirements(result.Requirements));
        Assert.Equal(true, result.Requirements[0].IsSatisfied(new Dictionary<string, long> { ["H"] = 3 }));
        Assert.Equal(false, result.Requirements[0].IsSatisfied(new Dictionary<string, long> { ["H"] = 2 }));
    }

    [Fact]
    public void An_empty_spatial_input_is_an_error()
    {
        var error = Fails(ConvTranspose2dRule.Apply(Shape.Of(N, 1, 0, 8), new ConvTranspose2dOptions(1, 3)), ShapeErrorKind.InvalidDimension, "input");
        Assert.Equal("ConvTranspose2d: the input height is 0, and torch accepts an empty input only in the batch or channel dimension", error.Message);
    }

    [Theory]
    [InlineData(0, 3, 1, 0, 0, 1, 1, "OutChannels")]
    [InlineData(4, 0, 1, 0, 0, 1, 1, "Kernel")]
    [InlineData(4, 3, 0, 0, 0, 1, 1, "Stride")]
    [InlineData(4, 3, 1, -1, 0, 1, 1, "Padding")]
    [InlineData(4, 3, 1, 0, -1, 1, 1, "OutputPadding")]
    [InlineData(4, 3, 1, 0, 0, 0, 1, "Dilation")]
    [InlineData(4, 3, 1, 0, 0, 1, 0, "Groups")]
    public void Out_of_range_hyperparameters_name_their_argument(long outChannels, long kernel, long stride, long padding, long outputPadding, long dilation, long groups, string argument)
    {
        var options = new ConvTranspose2dOptions(outChannels, kernel)
        {
            StrideH = stride,
            PaddingW = padding,
            OutputPaddingH = outputPadding,
            OutputPaddingW = outputPadding,
            DilationH = dilation,
            Groups = groups,
        };
        Fails(ConvTranspose2dRule.Apply(Shape.Of(2, 4, 9, 9), options), ShapeErrorKind.InvalidHyperparameter, argument);
    }

    [Fact]
    public void Wrong_rank_and_a_declared_in_channels_that_differs_are_errors()
    {
        var error = Fails(ConvTranspose2dRule.Apply(Shape.Of(N, 8), new ConvTranspose2dOptions(4, 2)), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("ConvTranspose2d expects a 4-d input [N, C, H, W] (or 3-d unbatched [C, H, W]) but got [N, 8]", error.Message);
        Ok(ConvTranspose2dRule.Apply(Shape.Of(N, C, 4, 4), new ConvTranspose2dOptions(4, 2) { InChannels = C }));
        Fails(ConvTranspose2dRule.Apply(Shape.Of(N, 3, 4, 4), new ConvTranspose2dOptions(4, 2) { InChannels = 2 }), ShapeErrorKind.DimMismatch, "in_channels");
    }

    [Fact]
    public void Huge_sizes_are_an_error_not_an_overflow_exception()
    {
        Fails(ConvTranspose2dRule.Apply(Shape.Of(1, 4, long.MaxValue, 4), new ConvTranspose2dOptions(4, 3) { StrideH = 4 }), ShapeErrorKind.CannotInfer, "input");
    }
}
