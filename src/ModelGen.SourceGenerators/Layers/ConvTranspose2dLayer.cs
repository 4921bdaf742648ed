using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[ConvTranspose2d(out)]</c>: upsampling over [N, C, H, W]; in_channels is inferred.</summary>
internal sealed class ConvTranspose2dLayer : LayerDefinition
{
    public override string Kind => "ConvTranspose2d";

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var outChannels = arguments.Size("OutChannels", 1);
        var kernel = arguments.Pair("Kernel", 1);
        var stride = arguments.Pair("Stride", 1);
        var padding = arguments.Pair("Padding", 0, minimum: 0);
        var outputPadding = arguments.Pair("OutputPadding", 0, minimum: 0);
        var dilation = arguments.Pair("Dilation", 1);
        var groups = arguments.Size("Groups", 1);
        if (outChannels is null || kernel is null || stride is null || padding is null || outputPadding is null || dilation is null || groups is null)
        {
            return null;
        }
        return ConvTranspose2dRule.Apply(input, new ConvTranspose2dOptions(outChannels, kernel.Value.First, kernel.Value.Second)
        {
            StrideH = stride.Value.First,
            StrideW = stride.Value.Second,
            PaddingH = padding.Value.First,
            PaddingW = padding.Value.Second,
            OutputPaddingH = outputPadding.Value.First,
            OutputPaddingW = outputPadding.Value.Second,
            DilationH = dilation.Value.First,
            DilationW = dilation.Value.Second,
            Groups = groups,
            Bias = arguments.Flag("Bias", true),
        });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result)
    {
        var kernel = arguments.Pair("Kernel", 1)!.Value;
        var stride = arguments.Pair("Stride", 1)!.Value;
        var padding = arguments.Pair("Padding", 0, minimum: 0)!.Value;
        var outputPadding = arguments.Pair("OutputPadding", 0, minimum: 0)!.Value;
        var dilation = arguments.Pair("Dilation", 1)!.Value;
        var call = new ConstructorCall("nn.ConvTranspose2d")
            .Named("in_channels", Inferred(result, "in_channels"))
            .Named("out_channels", Emitting.Code.Size(arguments.Size("OutChannels", 1)!));
        bool square = kernel.First == kernel.Second && stride.First == stride.Second && padding.First == padding.Second
            && outputPadding.First == outputPadding.Second && dilation.First == dilation.Second;
        if (square)
        {
            call.Named("kernel_size", Emitting.Code.Size(kernel.First))
                .Named("stride", stride.First, 1)
                .Named("padding", padding.First, 0)
                .Named("output_padding", outputPadding.First, 0)
                .Named("dilation", dilation.First, 1);
        }
        else
        {
            call.Named("kernel_size", ConstructorCall.Pair(kernel.First, kernel.Second))
                .Named("stride", ConstructorCall.Pair(stride.First, stride.Second))
                .Named("padding", ConstructorCall.Pair(padding.First, padding.Second))
                .Named("output_padding", ConstructorCall.Pair(outputPadding.First, outputPadding.Second))
                .Named("dilation", ConstructorCall.Pair(dilation.First, dilation.Second));
        }
        return call.Named("groups", arguments.Size("Groups", 1)!, 1)
            .Named("bias", arguments.Flag("Bias", true), true)
            .ToString();
    }
}
