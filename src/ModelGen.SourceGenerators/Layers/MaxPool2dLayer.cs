using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[MaxPool2d(k)]</c>: the stride defaults to the window.</summary>
internal sealed class MaxPool2dLayer : LayerDefinition
{
    public override string Kind => "MaxPool2d";

    public override bool InfersSizes => false;

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        var kernel = arguments.Pair("Kernel", 1);
        var stride = arguments.Has("Stride") ? arguments.Pair("Stride", 1) : kernel;
        var padding = arguments.Pair("Padding", 0, minimum: 0);
        var dilation = arguments.Pair("Dilation", 1);
        if (kernel is null || stride is null || padding is null || dilation is null)
        {
            return null;
        }
        return MaxPool2dRule.Apply(input, new MaxPool2dOptions(kernel.Value.First, kernel.Value.Second)
        {
            StrideH = stride.Value.First,
            StrideW = stride.Value.Second,
            PaddingH = padding.Value.First,
            PaddingW = padding.Value.Second,
            DilationH = dilation.Value.First,
            DilationW = dilation.Value.Second,
            CeilMode = arguments.Flag("CeilMode", false),
        });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result)
    {
        var kernel = arguments.Pair("Kernel", 1)!.Value;
        var stride = arguments.Has("Stride") ? arguments.Pair("Stride", 1)!.Value : kernel;
        var padding = arguments.Pair("Padding", 0, minimum: 0)!.Value;
        var dilation = arguments.Pair("Dilation", 1)!.Value;
        var call = new ConstructorCall("nn.MaxPool2d");
        if (kernel.First == kernel.Second && stride.First == stride.Second && padding.First == padding.Second && dilation.First == dilation.Second)
        {
            call.Named("kernel_size", Emitting.Code.Long(kernel.First.ConstantValue!.Value))
                .NamedIf(stride.First != kernel.First, "stride", Emitting.Code.Long(stride.First.ConstantValue!.Value))
                .Named("padding", padding.First, 0)
                .Named("dilation", dilation.First, 1);
        }
        else
        {
            call.Named("kernel_size", ConstructorCall.Pair(kernel.First, kernel.Second))
                .Named("stride", ConstructorCall.Pair(stride.First, stride.Second))
                .Named("padding", ConstructorCall.Pair(padding.First, padding.Second))
                .Named("dilation", ConstructorCall.Pair(dilation.First, dilation.Second));
        }
        return call.Named("ceil_mode", arguments.Flag("CeilMode", false), false).ToString();
    }
}
