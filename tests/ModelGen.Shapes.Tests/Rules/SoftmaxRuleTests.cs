using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class SoftmaxRuleTests
{
    [Theory]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Any_dim_within_the_rank_keeps_the_shape(long dim)
    {
        var result = SoftmaxRule.Apply(Shape.Of(N, 10), new SoftmaxOptions(dim));
        Assert.Equal(Shape.Of(N, 10), Ok(result));
        Assert.Equal(Dim.Zero, result.Parameters);
    }

    [Fact]
    public void A_dim_outside_the_rank_is_an_error_for_softmax_and_log_softmax()
    {
        var error = Fails(SoftmaxRule.Apply(Shape.Of(N, 10), new SoftmaxOptions(2)), ShapeErrorKind.InvalidDimension, "Dim");
        Assert.Equal("Softmax: dim 2 is out of range for the 2-d shape [N, 10] (expected a value in [-2, 1])", error.Message);
        error = Fails(SoftmaxRule.Apply(Shape.Of(N, 10), new SoftmaxOptions(-3) { Log = true }), ShapeErrorKind.InvalidDimension, "Dim");
        Assert.StartsWith("LogSoftmax: dim -3 is out of range", error.Message);
    }

    [Fact]
    public void A_scalar_accepts_0_and_minus_1_as_torch_does()
    {
        Ok(SoftmaxRule.Apply(Shape.Scalar, new SoftmaxOptions(0)));
        Ok(SoftmaxRule.Apply(Shape.Scalar, new SoftmaxOptions(-1)));
        Fails(SoftmaxRule.Apply(Shape.Scalar, new SoftmaxOptions(1)), ShapeErrorKind.InvalidDimension, "Dim");
    }
}
