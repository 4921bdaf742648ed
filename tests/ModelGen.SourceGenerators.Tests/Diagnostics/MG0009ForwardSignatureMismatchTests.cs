using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0009: a [Forward] method whose parameters do not match the declared inputs.</summary>
public class MG0009ForwardSignatureMismatchTests
{
    [Fact]
    public Task Parameters_named_differently_from_the_inputs_are_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private Tensor {|MG0009:Forward|}(Tensor input) => Fc.call(input);
        }
        """);

    [Fact]
    public Task Parameters_matching_the_inputs_are_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        [Input("y", "N, 8")]
        public partial class M
        {
            [Linear(4)] public partial Linear Fc { get; }

            [Forward]
            private Tensor Forward(Tensor x, Tensor y) => Fc.call(x + y);
        }
        """);
}
