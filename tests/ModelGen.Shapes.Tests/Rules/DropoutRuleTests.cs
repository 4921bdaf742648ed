using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class DropoutRuleTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Any_shape_passes_through_for_p_in_0_to_1(double p)
    {
        var result = DropoutRule.Apply(Shape.Of(N, 3, H), new DropoutOptions(p));
        Assert.Equal(Shape.Of(N, 3, H), Ok(result));
        Assert.Equal(Dim.Zero, result.Parameters);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void P_outside_0_to_1_is_an_error(double p)
    {
        var error = Fails(DropoutRule.Apply(Shape.Of(N, 3), new DropoutOptions(p)), ShapeErrorKind.InvalidHyperparameter, "P");
        Assert.StartsWith("Dropout: the probability p must be between 0 and 1 but is ", error.Message);
    }
}
