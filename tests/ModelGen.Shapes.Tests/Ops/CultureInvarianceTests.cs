using System.Globalization;
using System.Threading;
using Xunit;
using static ModelGen.Shapes.Tests.Support.Symbols;

namespace ModelGen.Shapes.Tests.Ops;

public class CultureInvarianceTests
{
    [Fact]
    public void Messages_use_invariant_numbers_whatever_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // A minus sign that is not '-': any culture-sensitive formatting would show it.
            Thread.CurrentThread.CurrentCulture = new CultureInfo("sv-SE") { NumberFormat = { NegativeSign = "\u2212" } };
            Assert.Contains("(1, -1)", Fails(Permute.Apply(Shape.Of(N, C), new long[] { 1, -1 }), ShapeErrorKind.InvalidDimension, "dims").Message);
            Assert.Contains("(1, -1)", Fails(Reduce.Apply(Shape.Of(N, C), new long[] { 1, -1 }, false), ShapeErrorKind.InvalidDimension, "dim").Message);
            Assert.Contains("[-2, 1]", Fails(Transpose.Apply(Shape.Of(N, C), 0, 5), ShapeErrorKind.InvalidDimension, "dim1").Message);
            Assert.Contains("dimension -1 from the end", Fails(Broadcast.Apply(Shape.Of(3), Shape.Of(4)), ShapeErrorKind.NotBroadcastable, "other").Message);
            Assert.Contains("(-1, 1, 28, 28)", Fails(Reshape.Apply(Shape.Of(N, 256), new Dim[] { -1, 1, 28, 28 }), ShapeErrorKind.ElementCountMismatch, "shape").Message);
            Assert.Contains("but is -0.5", Fails(DropoutRule.Apply(Shape.Of(N), new DropoutOptions(-0.5)), ShapeErrorKind.InvalidHyperparameter, "P").Message);
            Assert.Contains("'-3'", ShapeText.Parse("N, -3").Error!.Message);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }
}
