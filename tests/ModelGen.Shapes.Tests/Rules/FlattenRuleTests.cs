using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class FlattenRuleTests
{
    [Fact]
    public void By_default_everything_after_the_batch_is_flattened()
    {
        var result = FlattenRule.Apply(Shape.Of(N, C, H, W), new FlattenOptions());
        Assert.Equal("[N, C * H * W]", Ok(result).ToString());
        Assert.Equal(Dim.Zero, result.Parameters);
        Assert.Equal(Shape.Of(N, 1568), Ok(FlattenRule.Apply(Shape.Of(N, 32, 7, 7), new FlattenOptions())));
    }

    [Fact]
    public void Start_and_end_dims_may_count_from_the_end()
    {
        Assert.Equal(Shape.Of(N, C, H * W), Ok(FlattenRule.Apply(Shape.Of(N, C, H, W), new FlattenOptions { StartDim = -2 })));
        Assert.Equal(Shape.Of(N * C, H, W), Ok(FlattenRule.Apply(Shape.Of(N, C, H, W), new FlattenOptions { StartDim = 0, EndDim = -3 })));
    }

    [Fact]
    public void Out_of_range_or_reversed_dims_name_the_attribute_argument()
    {
        var error = Fails(FlattenRule.Apply(Shape.Of(N), new FlattenOptions()), ShapeErrorKind.InvalidDimension, "StartDim");
        Assert.Equal("Flatten: start_dim 1 is out of range for the 1-d shape [N] (expected a value in [-1, 0])", error.Message);
        Fails(FlattenRule.Apply(Shape.Of(N, 3), new FlattenOptions { EndDim = 2 }), ShapeErrorKind.InvalidDimension, "EndDim");
        Fails(FlattenRule.Apply(Shape.Of(N, 3, 4), new FlattenOptions { StartDim = 2, EndDim = 1 }), ShapeErrorKind.InvalidDimension, "StartDim");
    }
}
