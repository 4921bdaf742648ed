using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[AvgPool2d(k)]</c>: the stride defaults to the window.</summary>
internal sealed class AvgPool2dLayer : LayerDefinition
{
    public override string Kind => "AvgPool2d";

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var kernel = arguments.Pair("Kernel", 1);
        var stride = arguments.Has("Stride") ? arguments.Pair("Stride", 1) : kernel;
        var padding = arguments.Pair("Padding", 0, minimum: 0);
        if (kernel is null || stride is null || padding is null)
        {
            return null;
        }
        return AvgPool2dRule.Apply(input, new AvgPool2dOptions(kernel.Value.First, kernel.Value.Second)
        {
            StrideH = stride.Value.First,
            StrideW = stride.Value.Second,
            PaddingH = padding.Value.First,
            PaddingW = padding.Value.Second,
            CeilMode = arguments.Flag("CeilMode", false),
        });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result)
    {
        var kernel = arguments.Pair("Kernel", 1)!.Value;
        var stride = arguments.Has("Stride") ? arguments.Pair("Stride", 1)!.Value : kernel;
        var padding = arguments.Pair("Padding", 0, minimum: 0)!.Value;
        var call = new ConstructorCall("nn.AvgPool2d");
        if (kernel.First == kernel.Second && stride.First == stride.Second && padding.First == padding.Second)
        {
            call.Named("kernel_size", Emitting.Code.Long(kernel.First.ConstantValue!.Value))
                .NamedIf(stride.First != kernel.First, "stride", Emitting.Code.Long(stride.First.ConstantValue!.Value))
                .Named("padding", padding.First, 0);
        }
        else
        {
            call.Named("kernel_size", ConstructorCall.Pair(kernel.First, kernel.Second))
                .Named("stride", ConstructorCall.Pair(stride.First, stride.Second))
                .Named("padding", ConstructorCall.Pair(padding.First, padding.Second));
        }
        return call.Named("ceil_mode", arguments.Flag("CeilMode", false), false)
            .Named("count_include_pad", arguments.Flag("CountIncludePad", true), true)
            .ToString();
    }
}
