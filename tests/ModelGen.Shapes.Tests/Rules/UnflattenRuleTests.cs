using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class UnflattenRuleTests
{
    [Fact]
    public void One_dimension_is_split_into_sizes_with_the_same_product()
    {
        var result = UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(1, new Dim[] { 1, 28, 28 }));
        Assert.Equal(Shape.Of(N, 1, 28, 28), Ok(result));
        Assert.Equal(Shape.Of(N, 16, 7, 7), Ok(UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(1, new Dim[] { 16, -1, 7 }))));
        Assert.Equal(Shape.Of(N, C, H, W), Ok(UnflattenRule.Apply(Shape.Of(N, C * H * W), new UnflattenOptions(1, new Dim[] { C, H, W }))));
    }

    [Fact]
    public void A_different_product_is_an_element_count_mismatch()
    {
        var error = Fails(UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(1, new Dim[] { 1, 28, 27 })), ShapeErrorKind.ElementCountMismatch, "Sizes");
        Assert.Equal("Unflatten: 784 elements cannot be viewed as (1, 28, 27), which has 756 elements", error.Message);
        Fails(UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(1, new Dim[] { -1, 5 })), ShapeErrorKind.ElementCountMismatch, "Sizes");
    }

    [Fact]
    public void A_negative_dim_is_refused_because_TorchSharp_refuses_it()
    {
        var error = Fails(UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(-1, new Dim[] { 28, 28 })), ShapeErrorKind.InvalidDimension, "Dim");
        Assert.Equal("Unflatten: dim -1 is out of range for the 2-d shape [N, 784] (TorchSharp's Unflatten expects a value in [0, 1])", error.Message);
    }

    [Fact]
    public void Bad_dim_and_empty_sizes_are_errors()
    {
        Fails(UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(2, new Dim[] { 784 })), ShapeErrorKind.InvalidDimension, "Dim");
        Fails(UnflattenRule.Apply(Shape.Scalar, new UnflattenOptions(0, new Dim[] { 1 })), ShapeErrorKind.InvalidDimension, "Dim");
        Fails(UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(1, new Dim[0])), ShapeErrorKind.InvalidHyperparameter, "Sizes");
        Fails(UnflattenRule.Apply(Shape.Of(N, 784), new UnflattenOptions(1, new Dim[] { -1, -1 })), ShapeErrorKind.InvalidHyperparameter, "Sizes");
    }
}
