using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0001: a malformed input shape is reported inside the string, at the offending characters.</summary>
public class MG0001InvalidShapeTextTests
{
    [Fact]
    public Task A_zero_dimension_is_underlined_inside_the_string() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, {|MG0001:0|}, 28")]
        public partial class M
        {
            [Flatten] public partial Flatten Flatten { get; }
        }
        """);

    [Fact]
    public Task An_empty_dimension_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N,{|MG0001:,|} 28")]
        public partial class M
        {
            [Flatten] public partial Flatten Flatten { get; }
        }
        """);

    [Fact]
    public Task An_expression_as_an_input_dimension_is_reported_on_the_shape() => Markup.VerifyAsync("""
        [Model]
        [Input("x", {|MG0001:"N, H * 2"|})]
        public partial class M
        {
            [Flatten] public partial Flatten Flatten { get; }
        }
        """);

    [Fact]
    public Task Names_and_integers_are_a_valid_shape() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 3, Height, Width")]
        public partial class M
        {
            [Conv2d(8, Kernel = 1)] public partial Conv2d Conv { get; }
        }
        """);
}
