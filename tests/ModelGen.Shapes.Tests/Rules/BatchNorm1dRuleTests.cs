using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Rules;

public class BatchNorm1dRuleTests
{
    [Fact]
    public void Two_or_three_d_inputs_pass_through_with_two_parameters_per_channel()
    {
        var result = BatchNorm1dRule.Apply(Shape.Of(N, C), new BatchNorm1dOptions());
        Assert.Equal(Shape.Of(N, C), Ok(result));
        Assert.Equal(C, result.Inferred["num_features"]);
        Assert.Equal(2 * C, result.Parameters);
        Assert.Equal(Shape.Of(N, 16, L), Ok(BatchNorm1dRule.Apply(Shape.Of(N, 16, L), new BatchNorm1dOptions())));
    }

    [Fact]
    public void Without_affine_there_are_no_parameters_because_running_statistics_are_buffers()
    {
        Assert.Equal(Dim.Zero, BatchNorm1dRule.Apply(Shape.Of(N, 16), new BatchNorm1dOptions { Affine = false }).Parameters);
    }

    [Fact]
    public void Other_ranks_and_a_mismatched_declared_num_features_are_errors()
    {
        var error = Fails(BatchNorm1dRule.Apply(Shape.Of(N, 3, 8, 8), new BatchNorm1dOptions()), ShapeErrorKind.RankMismatch, "input");
        Assert.Equal("BatchNorm1d expects a 2-d input [N, C] or a 3-d input [N, C, L] but got [N, 3, 8, 8]", error.Message);
        Fails(BatchNorm1dRule.Apply(Shape.Of(N), new BatchNorm1dOptions()), ShapeErrorKind.RankMismatch, "input");
        Fails(BatchNorm1dRule.Apply(Shape.Of(N, 8), new BatchNorm1dOptions { NumFeatures = 4 }), ShapeErrorKind.DimMismatch, "num_features");
    }
}
