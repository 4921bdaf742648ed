using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[MaxPool2d(k)]</c>: the stride defaults to the window.</summary>
internal sealed class MaxPool2dLayer : Pool2dLayer
{
    public override string Kind => "MaxPool2d";

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        if (ReadWindow(arguments) is not { } window)
        {
            return null;
        }
        return MaxPool2dRule.Apply(input, new MaxPool2dOptions(window.Kernel.H, window.Kernel.W)
        {
            StrideH = window.Stride.H,
            StrideW = window.Stride.W,
            PaddingH = window.Padding.H,
            PaddingW = window.Padding.W,
            DilationH = window.Dilation.H,
            DilationW = window.Dilation.W,
            CeilMode = arguments.Flag("CeilMode", false),
        });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        Call("nn.MaxPool2d", ReadWindow(arguments)!.Value, withDilation: true)
            .Named("ceil_mode", arguments.Flag("CeilMode", false), false)
            .ToString();
}
