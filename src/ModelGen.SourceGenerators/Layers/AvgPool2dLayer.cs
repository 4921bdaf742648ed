using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary><c>[AvgPool2d(k)]</c>: the stride defaults to the window; average pools have no dilation.</summary>
internal sealed class AvgPool2dLayer : Pool2dLayer
{
    public override string Kind => "AvgPool2d";

    public override LayerResult? Infer(Shape input, LayerArguments arguments)
    {
        if (ReadWindow(arguments) is not { } window)
        {
            return null;
        }
        return AvgPool2dRule.Apply(input, new AvgPool2dOptions(window.Kernel.H, window.Kernel.W)
        {
            StrideH = window.Stride.H,
            StrideW = window.Stride.W,
            PaddingH = window.Padding.H,
            PaddingW = window.Padding.W,
            CeilMode = arguments.Flag("CeilMode", false),
        });
    }

    public override string Construct(LayerArguments arguments, LayerResult? result) =>
        Call("nn.AvgPool2d", ReadWindow(arguments)!.Value, withDilation: false)
            .Named("ceil_mode", arguments.Flag("CeilMode", false), false)
            .Named("count_include_pad", arguments.Flag("CountIncludePad", true), true)
            .ToString();
}
