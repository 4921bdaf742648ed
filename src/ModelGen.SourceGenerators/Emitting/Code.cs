using System.Globalization;
using System.Linq;
using System.Text;

namespace ModelGen.SourceGenerators.Emitting;

/// <summary>C# literals and names, culture-invariant so generated code is byte-identical everywhere.</summary>
internal static class Code
{
    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Double(double value) => Real(value, "double");

    /// <summary>A double or float literal (<paramref name="type"/>), or its type's NaN or infinity, which have no literal.</summary>
    public static string Real(double value, string type)
    {
        if (type == "float")
        {
            // As C# converts it: a double beyond float's range becomes an infinity.
            value = (float)value;
        }
        if (double.IsNaN(value))
        {
            return type + ".NaN";
        }
        if (double.IsInfinity(value))
        {
            return type + (value > 0 ? ".PositiveInfinity" : ".NegativeInfinity");
        }
        string text = type == "float" ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        text = text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? text + ".0" : text;
        return type == "float" ? text + "f" : text;
    }

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Whether <paramref name="name"/> can be written as a parameter's name: an identifier, not a keyword.</summary>
    public static bool IsParameterName(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    /// <summary>TorchSharp's Tensor as the generated code names it: through its usings, or in full.</summary>
    public static string TensorType(bool qualified) => qualified ? "global::TorchSharp.torch.Tensor" : "Tensor";

    /// <summary>
    /// What a model's forward returns: Tensor, or for a [Forward] method returning a tuple (<paramref name="outputs"/>:
    /// its element names, "" where unnamed) the tuple type with those names.
    /// </summary>
    public static string OutputType(System.Collections.Generic.IReadOnlyList<string> outputs, bool qualified) => outputs.Count == 0
        ? TensorType(qualified)
        : "(" + string.Join(", ", outputs.Select(name => name.Length > 0 ? TensorType(qualified) + " " + name : TensorType(qualified))) + ")";

    /// <summary>
    /// A size known at construction: a literal, a hyperparameter's name, or an expression over hyperparameters
    /// computed in 64-bit arithmetic (hyperparameters may be ints).
    /// </summary>
    public static string Size(Shapes.Dim dim)
    {
        if (dim.ConstantValue is { } constant)
        {
            return Long(constant);
        }
        if (dim.Symbols.Count == 1 && dim.Equals(Shapes.Dim.Sym(dim.Symbols.First())))
        {
            return dim.Symbols.First();
        }
        return dim.ToCSharp(symbol => "(long)" + symbol);
    }

    public static string String(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    /// <summary>PyTorch-style attribute name of a property: <c>Conv1</c> → <c>conv1</c>, <c>DownSample</c> → <c>down_sample</c>, <c>BN1</c> → <c>bn1</c>.</summary>
    public static string SnakeCase(string name)
    {
        // Activation names are one word in PyTorch's style (stem_relu, not stem_re_lu).
        name = name.Replace("ReLU", "Relu").Replace("GELU", "Gelu");
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterLowerOrDigit || endsAcronym)
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>The private field behind a layer property.</summary>
    public static string FieldName(string property)
    {
        var parts = SnakeCase(property).Split('_');
        var sb = new StringBuilder("_").Append(parts[0]);
        foreach (var part in parts.Skip(1).Where(p => p.Length > 0))
        {
            sb.Append(char.ToUpperInvariant(part[0])).Append(part.Substring(1));
        }
        return sb.ToString();
    }
}
