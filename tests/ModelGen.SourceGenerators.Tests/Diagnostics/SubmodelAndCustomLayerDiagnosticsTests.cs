using System.Linq;
using System.Threading.Tasks;
using ModelGen.SourceGenerators.Tests.Support;
using Xunit;

namespace ModelGen.SourceGenerators.Tests.Diagnostics;

/// <summary>Hyperparameters, submodels and custom layers: what is reported where, and what stays silent.</summary>
public class SubmodelAndCustomLayerDiagnosticsTests
{
    private const string Block = """
        [Model]
        [Input("x", "N, InChannels, H, W")]
        public partial class Block
        {
            [Hyperparameter] public partial int InChannels { get; }
            [Hyperparameter] public partial int Filters { get; }
            [Hyperparameter(Default = 1)] public partial int Kernel { get; }

            [Conv2d(nameof(Filters), Kernel = nameof(Kernel))] public partial Conv2d Conv { get; }
        }

        """;

    [Fact]
    public Task A_submodel_built_from_its_input_and_arguments_is_silent() => Markup.VerifyAsync(Block + """
        [Model]
        [Input("x", "N, 3, 32, 32")]
        public partial class Net
        {
            [Submodel(16)] public partial Block First { get; }
            [Submodel(32, 3)] public partial Block Second { get; }
        }
        """);

    [Fact]
    public Task A_missing_hyperparameter_argument_is_reported_on_the_submodel() => Markup.VerifyAsync(Block + """
        [Model]
        [Input("x", "N, 3, 32, 32")]
        public partial class Net
        {
            [{|MG0005:Submodel|}] public partial Block First { get; }
        }
        """);

    [Fact]
    public Task Too_many_arguments_are_reported_on_the_submodel() => Markup.VerifyAsync(Block + """
        [Model]
        [Input("x", "N, 3, 32, 32")]
        public partial class Net
        {
            [{|MG0005:Submodel(16, 1, 7)|}] public partial Block First { get; }
        }
        """);

    [Fact]
    public async Task A_submodel_that_cannot_take_its_input_is_reported_with_the_blocks_reason()
    {
        var diagnostics = await Markup.VerifyAsync(Block + """
            [Model]
            [Input("x", "N, 3, 32")]
            public partial class Net
            {
                [{|MG0002:Submodel(16)|}] public partial Block First { get; }
            }
            """);
        Assert.Contains("expects [N, InChannels, H, W] but gets [N, 3, 32]", diagnostics.Single(d => d.Id == "MG0002").GetMessage());
    }

    [Fact]
    public Task A_hyperparameter_inferred_from_a_run_time_size_is_reported() => Markup.VerifyAsync(Block + """
        [Model]
        [Input("x", "N, C, 32, 32")]
        public partial class Net
        {
            [{|MG0004:Submodel(16)|}] public partial Block First { get; }
        }
        """);

    [Fact]
    public async Task A_stride_hyperparameter_is_reported_because_output_sizes_divide_by_it()
    {
        var diagnostics = await Markup.VerifyAsync("""
            [Model]
            [Input("x", "N, 3, H, W")]
            public partial class Block
            {
                [Hyperparameter] public partial int Stride { get; }
                [{|MG0004:Conv2d(8, Kernel = 3, Stride = nameof(Stride))|}] public partial Conv2d Conv { get; }
            }
            """);
        Assert.Contains("stride must be a compile-time constant", diagnostics.Single().GetMessage());
    }

    [Fact]
    public Task A_submodel_of_a_type_that_is_not_a_model_is_reported_on_its_type() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class Net
        {
            [Submodel] public partial {|MG0008:Linear|} Inner { get; }
        }
        """);

    [Fact]
    public Task An_unknown_hyperparameter_name_is_reported_on_the_argument() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class Net
        {
            [Hyperparameter] public partial int Width { get; }
            [Linear({|MG0005:"Widht"|})] public partial Linear Fc { get; }
        }
        """);

    [Fact]
    public Task A_buffer_sized_by_a_run_time_dimension_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, 8")]
        public partial class {|MG0007:Net|}
        {
            [Buffer("N")] public partial Tensor Running { get; }

            [Forward]
            private Tensor Forward(Tensor x) => x;
        }
        """);

    [Fact]
    public Task A_custom_layer_whose_branches_agree_is_silent() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, Features")]
        public partial class Scale
        {
            [Hyperparameter] public partial int Features { get; }
            [Parameter("Features", Init = Init.Ones)] public partial Parameter Weight { get; }
            [Buffer("Features")] public partial Tensor Seen { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                if (training)
                {
                    using (torch.no_grad())
                    {
                        Seen.add_(x.mean(new long[] { 0 }));
                    }
                }
                return x * Weight;
            }
        }
        """);

    [Fact]
    public Task An_in_place_update_that_would_change_the_buffers_shape_is_reported() => Markup.VerifyAsync("""
        [Model]
        [Input("x", "N, Features")]
        public partial class Scale
        {
            [Hyperparameter] public partial int Features { get; }
            [Buffer("Features")] public partial Tensor Seen { get; }

            [Forward]
            private Tensor Forward(Tensor x)
            {
                {|MG0002:Seen.add_(x)|};
                return x;
            }
        }
        """);
}
