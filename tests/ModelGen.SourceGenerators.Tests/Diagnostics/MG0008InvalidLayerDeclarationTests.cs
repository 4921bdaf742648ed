using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>MG0008: a layer property the generator cannot implement.</summary>
public class MG0008InvalidLayerDeclarationTests
{
    [Fact]
    public Task A_property_of_the_wrong_module_type_is_reported_on_its_type() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(4)] public partial {|MG0008:Conv2d|} Fc { get; }
        }
        """);

    [Fact]
    public Task A_property_with_a_setter_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [{|MG0008:Linear(4)|}] public Linear Fc { get; set; } = null!;
        }
        """);

    [Fact]
    public Task A_private_partial_layer_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class M
        {
            [Linear(4)] private partial Linear Fc { get; }
        }
        """);
}
