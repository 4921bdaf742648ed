using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0005: an out-of-range hyperparameter is reported on the argument itself.</summary>
public class MG0005InvalidHyperparameterTests
{
    [Fact]
    public Task A_zero_output_size_is_reported_on_the_argument() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear({|MG0005:0|})] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_negative_stride_is_reported_on_the_named_argument() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 1, 28, 28")]
        public partial class M
        {
            [Conv2d(8, Kernel = 3, {|MG0005:Stride = -1|})] public partial Conv2d Conv { get; }
        }
        """);

    [Fact]
    public Task A_kernel_larger_than_the_input_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 1, 4, 4")]
        public partial class M
        {
            [Conv2d(8, {|MG0005:Kernel = 5|})] public partial Conv2d Conv { get; }
        }
        """);

    [Fact]
    public Task A_kernel_equal_to_the_input_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 1, 4, 4")]
        public partial class M
        {
            [Conv2d(8, Kernel = 4)] public partial Conv2d Conv { get; }
        }
        """);
}
