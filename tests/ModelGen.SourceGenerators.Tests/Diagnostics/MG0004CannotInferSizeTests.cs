using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0004: a layer whose input size comes from a dimension known only at run time.</summary>
public class MG0004CannotInferSizeTests
{
    [Fact]
    public Task A_linear_over_a_symbolic_feature_dimension_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, F")]
        public partial class M
        {
            [{|MG0004:Linear(10)|}] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_layer_never_called_in_forward_cannot_be_sized() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(4)] public partial Linear Used { get; }
            [{|MG0004:{|MG0010:Linear(4)|}|}] public partial Linear Unused { get; }

            [Forward]
            private Tensor Forward(Tensor x) => Used.call(x);
        }
        """);

    [Fact]
    public Task A_linear_after_flattening_fixed_sizes_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 3, 4, 5")]
        public partial class M
        {
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(10)] public partial Linear Fc { get; }
        }
        """);
}
