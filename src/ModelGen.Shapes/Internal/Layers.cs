namespace ModelGen.Shapes;

/// <summary>Adapts a tensor function's result to a parameterless layer's result.</summary>
internal static class Layers
{
    public static LayerResult FromOp(ShapeResult result) =>
        result.Success ? LayerResult.Ok(result.Output!, Dim.Zero, null, result.Requirements) : LayerResult.Fail(result.Error!);
}
