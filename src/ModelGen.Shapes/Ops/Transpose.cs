using System;

namespace ModelGen.Shapes;

/// <summary>The shape rule for <c>torch.transpose(input, dim0, dim1)</c>: the two dimensions swap (a scalar accepts 0 and -1).</summary>
public static class Transpose
{
    /// <summary>Applies the rule.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    public static ShapeResult Apply(Shape input, long dim0, long dim1)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }
        const string op = "transpose";
        var first = Axis.Wrap(dim0, input.Rank);
        if (first is null)
        {
            return ShapeResult.Fail(Axis.OutOfRange(op, "dim0", dim0, input, "dim0"));
        }
        var second = Axis.Wrap(dim1, input.Rank);
        if (second is null)
        {
            return ShapeResult.Fail(Axis.OutOfRange(op, "dim1", dim1, input, "dim1"));
        }
        if (input.Rank == 0)
        {
            return ShapeResult.Ok(input);
        }
        var dims = new Dim[input.Rank];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = input[i];
        }
        dims[first.Value] = input[second.Value];
        dims[second.Value] = input[first.Value];
        return ShapeResult.Ok(Shape.Of(dims));
    }
}
