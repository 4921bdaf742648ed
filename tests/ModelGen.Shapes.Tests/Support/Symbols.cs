using System.Collections.Generic;
using Xunit;

namespace ModelGen.Shapes.Tests.Support;

/// <summary>Symbols and assertions the rule tests share.</summary>
internal static class Symbols
{
    public static readonly Dim N = Dim.Sym("N");
    public static readonly Dim C = Dim.Sym("C");
    public static readonly Dim H = Dim.Sym("H");
    public static readonly Dim W = Dim.Sym("W");
    public static readonly Dim L = Dim.Sym("L");
    public static readonly Dim T = Dim.Sym("T");
    public static readonly Dim K = Dim.Sym("K");

    public static Shape Ok(LayerResult result)
    {
        Assert.True(result.Success, result.ToString());
        Assert.Null(result.Error);
        return result.Output!;
    }

    public static Shape Ok(ShapeResult result)
    {
        Assert.True(result.Success, result.ToString());
        Assert.Null(result.Error);
        return result.Output!;
    }

    public static ShapeError Fails(LayerResult result, ShapeErrorKind kind, string? argument)
    {
        Assert.False(result.Success, result.ToString());
        Assert.Null(result.Output);
        Assert.Empty(result.Requirements);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(argument, result.Error.Argument);
        return result.Error;
    }

    public static ShapeError Fails(ShapeResult result, ShapeErrorKind kind, string? argument)
    {
        Assert.False(result.Success, result.ToString());
        Assert.Null(result.Output);
        Assert.Empty(result.Requirements);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(argument, result.Error.Argument);
        return result.Error;
    }

    /// <summary>The requirements as <c>Value &gt;= Minimum</c> texts, in order.</summary>
    public static string[] Requirements(IReadOnlyList<DimRequirement> requirements)
    {
        var texts = new string[requirements.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = $"{requirements[i].Value} >= {requirements[i].Minimum}";
        }
        return texts;
    }
}
