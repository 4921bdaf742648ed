using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[Conv1d(out)]</c> over [N, C, L]: in_channels is inferred.</summary>
internal sealed class Conv1dLayer : LayerDefinition
{
    public override string Kind => "Conv1d";

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var outChannels = arguments.Size("OutChannels", 1);
        var kernel = arguments.Size("Kernel", 1);
        var stride = arguments.Size("Stride", 1);
        var padding = arguments.Size("Padding", 0, minimum: 0);
        var dilation = arguments.Size("Dilation", 1);
        var groups = arguments.Size("Groups", 1);
        if (outChannels is null || kernel is null || stride is null || padding is null || dilation is null || groups is null)
        {
            return null;
        }
        return Conv1dRule.Apply(input, new Conv1dOptions(outChannels, kernel)
        {
            Stride = stride,
            Padding = padding,
            Dilation = dilation,
            Groups = groups,
            Bias = arguments.Flag("Bias", true),
        });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        new ConstructorCall("nn.Conv1d")
            .Named("in_channels", Inferred(result, "in_channels"))
            .Named("out_channels", Emitting.Code.Size(arguments.Size("OutChannels", 1)!))
            .Named("kernel_size", Emitting.Code.Size(arguments.Size("Kernel", 1)!))
            .Named("stride", arguments.Size("Stride", 1)!, 1)
            .Named("padding", arguments.Size("Padding", 0, minimum: 0)!, 0)
            .Named("dilation", arguments.Size("Dilation", 1)!, 1)
            .Named("groups", arguments.Size("Groups", 1)!, 1)
            .Named("bias", arguments.Flag("Bias", true), true)
            .ToString();
}
