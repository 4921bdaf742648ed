using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class LinearRuleTests
{
    [Fact]
    public void The_last_dimension_becomes_out_features()
    {
        var result = LinearRule.Apply(Shape.Of(N, 784), new LinearOptions(10));
        Assert.Equal(Shape.Of(N, 10), Ok(result));
        Assert.Equal(Dim.Const(784), result.Inferred["in_features"]);
        Assert.Equal(Dim.Const((784 * 10) + 10), result.Parameters);
        Assert.Empty(result.Requirements);
    }

    [Fact]
    public void Any_rank_from_1_works()
    {
        Assert.Equal(Shape.Of(N, T, 10), Ok(LinearRule.Apply(Shape.Of(N, T, 128), new LinearOptions(10))));
        Assert.Equal(Shape.Of(10), Ok(LinearRule.Apply(Shape.Of(128), new LinearOptions(10))));
        var error = Fails(LinearRule.Apply(Shape.Scalar, new LinearOptions(10)), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("Linear expects an input with at least 1 dimension [..., in_features] but got the scalar shape []", error.Message);
    }

    [Fact]
    public void Symbolic_sizes_give_a_symbolic_parameter_count()
    {
        var hidden = Dim.Sym("hidden");
        var result = LinearRule.Apply(Shape.Of(N, C * H * W), new LinearOptions(hidden) { Bias = false });
        Assert.Equal(Shape.Of(N, hidden), Ok(result));
        Assert.Equal(C * H * W, result.Inferred["in_features"]);
        Assert.Equal("C * H * W * hidden", result.Parameters.ToString());
        Assert.Equal(new[] { "hidden >= 1" }, Requirements(result.Requirements));
    }

    [Fact]
    public void Out_features_must_be_positive()
    {
        var error = Fails(LinearRule.Apply(Shape.Of(N, 4), new LinearOptions(0)), ShapeErrorKind.InvalidHyperparameter, "OutFeatures");
        Assert.Equal("Linear: out_features must be at least 1 but is 0", error.Message);
    }

    [Fact]
    public void A_declared_in_features_must_match_the_last_dimension()
    {
        var error = Fails(LinearRule.Apply(Shape.Of(N, 784), new LinearOptions(10) { InFeatures = 100 }), ShapeErrorKind.DimMismatch, "in_features");
        Assert.Equal("Linear: in_features is 100 but the input [N, 784] has 784 features in its last dimension", error.Message);
        Ok(LinearRule.Apply(Shape.Of(N, 2 * C), new LinearOptions(10) { InFeatures = C + C }));
    }
}
