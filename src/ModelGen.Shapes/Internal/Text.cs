using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>Culture-invariant pieces of error messages.</summary>
internal static class Text
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>1, -1</c>: a list of integers, culture-invariant (string.Join would use the current culture).</summary>
    public static string Ints(System.Collections.Generic.IEnumerable<long> values)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (long value in values)
        {
            parts.Add(Int(value));
        }
        return string.Join(", ", parts);
    }

    /// <summary><c>3</c>, or <c>5 (3 dilated by 2)</c> when the dilation is not 1.</summary>
    public static string DilatedKernel(Dim effective, Dim kernel, Dim dilation) =>
        dilation.ConstantValue == 1 ? kernel.ToString() : $"{effective} ({kernel} dilated by {dilation})";

    /// <summary><c>H</c>, or <c>H + 2 (H plus padding 1 on each side)</c> when there is padding.</summary>
    public static string PaddedSize(Dim padded, Dim size, Dim padding) =>
        padding.ConstantValue == 0 ? size.ToString() : $"{padded} ({size} plus padding {padding} on each side)";
}
