using System.Collections.Generic;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class LayerNormRuleTests
{
    [Fact]
    public void The_last_dimension_is_normalised_by_default()
    {
        var result = LayerNormRule.Apply(Shape.Of(N, T, 128), new LayerNormOptions());
        Assert.Equal(Shape.Of(N, T, 128), Ok(result));
        Assert.Equal(new Dictionary<string, Dim> { ["normalized_shape_0"] = 128 }, result.Inferred);
        Assert.Equal(Dim.Const(256), result.Parameters);
    }

    [Fact]
    public void Several_trailing_dimensions_are_inferred_in_order()
    {
        var result = LayerNormRule.Apply(Shape.Of(N, C, H, W), new LayerNormOptions { NormalizedDims = 3 });
        Assert.Equal(C, result.Inferred["normalized_shape_0"]);
        Assert.Equal(H, result.Inferred["normalized_shape_1"]);
        Assert.Equal(W, result.Inferred["normalized_shape_2"]);
        Assert.Equal(2 * C * H * W, result.Parameters);
    }

    [Fact]
    public void Parameters_follow_elementwise_affine_and_bias()
    {
        Assert.Equal(Dim.Const(128), LayerNormRule.Apply(Shape.Of(N, 128), new LayerNormOptions { Bias = false }).Parameters);
        Assert.Equal(Dim.Zero, LayerNormRule.Apply(Shape.Of(N, 128), new LayerNormOptions { ElementwiseAffine = false }).Parameters);
    }

    [Fact]
    public void Too_few_dimensions_zero_normalised_dims_and_a_mismatched_declared_shape_are_errors()
    {
        var error = Fails(LayerNormRule.Apply(Shape.Of(N, 8), new LayerNormOptions { NormalizedDims = 3 }), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("LayerNorm normalises the last 3 dimensions but the input [N, 8] has only 2", error.Message);
        Fails(LayerNormRule.Apply(Shape.Of(N, 8), new LayerNormOptions { NormalizedDims = 0 }), ShapeErrorKind.InvalidHyperparameter, "NormalizedDims");
        Fails(LayerNormRule.Apply(Shape.Of(N, 4, 8), new LayerNormOptions { NormalizedShape = new Dim[] { 8, 4 } }), ShapeErrorKind.DimMismatch, "normalized_shape");
        Ok(LayerNormRule.Apply(Shape.Of(N, 4, 8), new LayerNormOptions { NormalizedShape = new Dim[] { 4, 8 } }));
    }
}
