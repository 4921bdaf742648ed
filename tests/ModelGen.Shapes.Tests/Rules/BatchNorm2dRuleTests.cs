using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class BatchNorm2dRuleTests
{
    [Fact]
    public void A_4_d_input_passes_through_with_two_parameters_per_channel()
    {
        var result = BatchNorm2dRule.Apply(Shape.Of(N, 32, H, W), new BatchNorm2dOptions());
        Assert.Equal(Shape.Of(N, 32, H, W), Ok(result));
        Assert.Equal(Dim.Const(32), result.Inferred["num_features"]);
        Assert.Equal(Dim.Const(64), result.Parameters);
    }

    [Fact]
    public void Other_ranks_are_errors()
    {
        var error = Fails(BatchNorm2dRule.Apply(Shape.Of(N, 32, L), new BatchNorm2dOptions()), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("BatchNorm2d expects a 4-d input [N, C, H, W] but got [N, 32, L]", error.Message);
        Fails(BatchNorm2dRule.Apply(Shape.Of(N, 32, 4, 4), new BatchNorm2dOptions { NumFeatures = 16 }), ShapeErrorKind.DimMismatch, "num_features");
    }
}
