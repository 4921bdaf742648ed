using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>A [Gan] is a generator then a discriminator scoring one value per sample.</summary>
public class GanDiagnosticsTests
{
    private const string Networks = """
        [Model]
        [Input("noise", "N, 8")]
        public partial class G
        {
            [Linear(16)] public partial Linear Out { get; }
        }

        [Model]
        [Input("x", "N, 16")]
        public partial class D
        {
            [Linear(1)] public partial Linear Score { get; }
        }

        [Model]
        [Input("image", "N, 1, 4, 4")]
        public partial class ImageD
        {
            [Flatten] public partial Flatten Flatten { get; }
            [Linear(1)] public partial Linear Score { get; }
        }

        [Model]
        [Input("x", "N, 16")]
        public partial class WideD
        {
            [Linear(3)] public partial Linear Score { get; }
        }

        """;

    [Fact]
    public Task A_generator_then_a_discriminator_is_silent() => Markup.VerifyAsync(Networks + """
        [Model]
        [Gan]
        [Input("noise", "N, 8")]
        public partial class Pair
        {
            [Submodel] public partial G Generator { get; }
            [Submodel] public partial D Discriminator { get; }
        }
        """);

    [Fact]
    public async Task A_discriminator_with_several_outputs_is_reported()
    {
        var diagnostics = await Markup.VerifyAsync(Networks + """
            [Model]
            [Gan]
            [Input("noise", "N, 8")]
            public partial class {|MG0007:Pair|}
            {
                [Submodel] public partial G Generator { get; }
                [Submodel] public partial WideD Discriminator { get; }
            }
            """);
        Assert.Contains("[N, 3]", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task A_gan_with_a_third_layer_is_reported() => Markup.VerifyAsync(Networks + """
        [Model]
        [Gan]
        [Input("noise", "N, 8")]
        public partial class {|MG0007:Pair|}
        {
            [Submodel] public partial G Generator { get; }
            [Submodel] public partial D Discriminator { get; }
            [Sigmoid] public partial Sigmoid Probability { get; }
        }
        """);

    [Fact]
    public Task A_generator_whose_samples_the_discriminator_cannot_take_is_reported() => Markup.VerifyAsync(Networks + """
        [Model]
        [Gan]
        [Input("noise", "N, 8")]
        public partial class Pair
        {
            [Submodel] public partial G Generator { get; }
            [{|MG0002:Submodel|}] public partial ImageD Discriminator { get; }
        }
        """);
}
