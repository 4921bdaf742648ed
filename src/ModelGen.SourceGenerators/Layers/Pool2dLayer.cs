using ModelGen.Shapes;

namespace ModelGen.SourceGenerators.Layers;

/// <summary>What the 2-d pools share: a window (kernel, stride defaulting to the kernel, padding, dilation).</summary>
internal abstract class Pool2dLayer : LayerDefinition
{
    public override bool InfersSizes => false;

    protected readonly record struct Window((Dim H, Dim W) Kernel, (Dim H, Dim W) Stride, (Dim H, Dim W) Padding, (Dim H, Dim W) Dilation)
    {
        public bool IsSquare => Kernel.H == Kernel.W && Stride.H == Stride.W && Padding.H == Padding.W && Dilation.H == Dilation.W;
    }

    /// <summary>Reads the window; null when an argument is invalid (already reported).</summary>
    protected static Window? ReadWindow(LayerArguments arguments)
    {
        var kernel = arguments.Pair("Kernel", 1);
        var stride = arguments.Has("Stride") ? arguments.Pair("Stride", 1) : kernel;
        var padding = arguments.Pair("Padding", 0, minimum: 0);
        var dilation = arguments.Pair("Dilation", 1);
        return kernel is null || stride is null || padding is null || dilation is null
            ? null
            : new Window(kernel.Value, stride.Value, padding.Value, dilation.Value);
    }

    /// <summary>The constructor call: one size per argument when the window is square, TorchSharp's tuple overload otherwise.</summary>
    protected static ConstructorCall Call(string function, Window window, bool withDilation)
    {
        var call = new ConstructorCall(function);
        if (window.IsSquare)
        {
            call.Named("kernel_size", Emitting.Code.Size(window.Kernel.H))
                .NamedIf(window.Stride.H != window.Kernel.H, "stride", Emitting.Code.Size(window.Stride.H))
                .Named("padding", window.Padding.H, 0);
            return withDilation ? call.Named("dilation", window.Dilation.H, 1) : call;
        }
        call.Named("kernel_size", ConstructorCall.Pair(window.Kernel.H, window.Kernel.W))
            .Named("stride", ConstructorCall.Pair(window.Stride.H, window.Stride.W))
            .Named("padding", ConstructorCall.Pair(window.Padding.H, window.Padding.W));
        return withDilation ? call.Named("dilation", ConstructorCall.Pair(window.Dilation.H, window.Dilation.W)) : call;
    }
}
