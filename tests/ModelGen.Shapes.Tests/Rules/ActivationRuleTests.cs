using System;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class ActivationRuleTests
{
    [Theory]
    [InlineData(ActivationKind.ReLU)]
    [InlineData(ActivationKind.LeakyReLU)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.GELU)]
    public void Every_activation_keeps_any_shape_and_has_no_parameters(ActivationKind kind)
    {
        foreach (var shape in new[] { Shape.Scalar, Shape.Of(N), Shape.Of(N, C, H, W) })
        {
            var result = ActivationRule.Apply(shape, new ActivationOptions(kind));
            Assert.Equal(shape, Ok(result));
            Assert.Equal(Dim.Zero, result.Parameters);
            Assert.Empty(result.Requirements);
        }
    }

    [Fact]
    public void An_undefined_kind_is_a_programmer_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationRule.Apply(Shape.Of(N), new ActivationOptions((ActivationKind)42)));
    }
}
