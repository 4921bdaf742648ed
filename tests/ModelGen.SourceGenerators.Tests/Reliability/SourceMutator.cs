using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ModelGen.SourceGenerators.Tests.Reliability;

/// <summary>
/// A seeded mutator of model sources: the same seed and source always give the same mutant. Each
/// mutation is one edit a user could make while typing, or one a user should never make (absurd
/// sizes, deep nesting, names that collide with generated members).
/// </summary>
internal sealed class SourceMutator
{
    public enum Kind
    {
        DeleteToken,
        DuplicateToken,
        SwapTokens,
        AbsurdNumber,
        AttributeArguments,
        RenameAttribute,
        ShapeString,
        HalfTypedMember,
        Truncate,
        InsertLayer,
        DeepNesting,
        UnicodeRename,
        ReplaceTorchCall,
        HyperparameterType,
    }

    private static readonly Kind[] Kinds = Enum.GetValues<Kind>();

    /// <summary>Every attribute ModelGen defines, without the suffix, found by reflection so new ones are fuzzed too.</summary>
    private static readonly string[] AttributeNames = typeof(ModelAttribute).Assembly.GetExportedTypes()
        .Where(t => typeof(Attribute).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => t.Name.Substring(0, t.Name.Length - "Attribute".Length))
        .Concat(new[] { "Obsolete", "NoSuchAttribute" })
        .OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static readonly string[] NamedArguments = typeof(ModelAttribute).Assembly.GetExportedTypes()
        .Where(t => typeof(Attribute).IsAssignableFrom(t))
        .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name))
        .Append("Unknown")
        .Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static readonly string[] PropertyTypes = AttributeNames
        .Where(n => typeof(TorchSharp.Modules.Linear).Assembly.GetType("TorchSharp.Modules." + n) is not null)
        .Concat(new[] { "Tensor", "Parameter", "int", "long", "double", "float", "bool", "string", "object", "Module", "Unknown", "Linear?", "Tensor[]" })
        .ToArray();

    /// <summary>Argument values: absurd sizes, long literals, wrong types, expressions over hyperparameters.</summary>
    private static readonly string[] Values =
    {
        "0", "-1", "1", "2", "3", "7", "64", "int.MaxValue", "int.MinValue", "long.MaxValue", "long.MinValue", "9999999999L",
        "2147483648", "-2147483648", "0x7FFFFFFF", "1_000_000", "4294967296", "0.5", "1e-3", "1e308", "-0.0", "double.NaN",
        "double.PositiveInfinity", "float.Epsilon", "1.5f", "1.5m", "true", "false", "null", "default", "\"\"", "\"N\"",
        "\"Filters\"", "\"Filters * 4\"", "\"Filters / 0\"", "\"-Filters\"", "\"Filters * Filters * Filters * Filters * Filters\"",
        "\"(Filters\"", "\"2147483647 * 2147483647\"", "nameof(Filters)", "nameof(Undefined)", "new[] { 3 }", "new[] { 3, 5 }",
        "new[] { 0, -1 }", "new[] { 3, 3, 3 }", "new int[0]", "new object[] { 3, \"k\" }", "new long[] { 1L << 40, 2 }",
        "new[] { int.MaxValue, int.MaxValue }", "(Activation)99", "Activation.Softmax", "Activation.LogSoftmax", "(Init)42",
        "Init.Normal", "'x'", "typeof(int)", "1 + 1", "-(-3)", "unchecked(int.MaxValue + 1)", "(object)3", "(short)3",
    };

    private static readonly string[] ShapeParts =
    {
        "N", "H", "W", "T", "C", "Filters", "InChannels", "NumFeatures", "Momentum", "0", "1", "3", "28", "-1", "2147483648",
        "99999999999999999999", "9223372036854775807", "N + 1", "H * W", "H / 2", "(H - 1) / 2 + 1", "N * N * N * N * N",
        "H / 0", "Ä", "层", "x\u0304", "\U0001D4B3", "", "  ", "(", ")", "N,", "?", "\u2026", "\t", "\u00A0", "1e3", "0x10",
        "N N", "-N", "N - N", "InChannels * 2", "İ",
    };

    private static readonly string[] Identifiers =
    {
        "Ünïcødé", "层一", "Δx", "\u01C5ungla", "x\u0301", "\\u0041bc", "@class", "\u210Cello", "\U0001D4B3", "_", "__",
        "a\u200Db", "İı", "ß", "Σς", "forward", "Summary", "CheckInputs", "Predict", "TrainStep", "training", "call",
        "register_module", "_conv1", "_fc", "Module", "Tensor", "x", "h", "var", "value", "scope", "N", "nn", "torch",
        "Conv1", "Fc", "Filters", "InChannels", "Eps", "Forward", "ModelGen",
    };

    private static readonly string[] TorchCalls =
    {
        "view", "reshape", "permute", "transpose", "cat", "matmul", "mm", "bmm", "sum", "mean", "squeeze", "unsqueeze",
        "flatten", "softmax", "log_softmax", "relu", "sigmoid", "dropout", "contiguous", "detach", "clone", "add_", "mul_",
        "var", "sqrt", "call", "forward", "size", "shape", "narrow", "expand", "repeat", "Unknown",
    };

    private static readonly string[] Fragments =
    {
        "[Linear(", "[Conv2d(8, Kernel = ", "public partial Linear", "[Forward] Tensor F(Tensor x) => ", "[Hyperparameter] public partial int",
        "[Submodel(", "[Input(\"y\", \"N, ", "[Parameter(\"", "[Buffer(\"N\")] public partial Tensor B { get; }", "[Forward]",
        "[Linear(4)] public partial Linear", "public partial Conv2d C { get; }", "private Tensor Forward(Tensor x) { return",
        "[Hyperparameter(Default = )] public partial double D { get; }", "{", "}", "(", ")", ";", "=>", "[", "]",
        "[Submodel] public partial SmallResNet Inner { get; }", "[Submodel] public partial M Self { get; }",
    };

    private readonly Random _random;
    private readonly List<string> _applied = new();

    public SourceMutator(Random random) => _random = random;

    /// <summary>What was done, in order, for the failure message.</summary>
    public IReadOnlyList<string> Applied => _applied;

    /// <summary>Applies <paramref name="count"/> mutations; one that does not apply to the source is replaced by another.</summary>
    public string Mutate(string source, int count)
    {
        for (int i = 0; i < count; i++)
        {
            for (int attempt = 0; attempt < 8; attempt++)
            {
                var kind = Pick(Kinds);
                var mutated = Apply(kind, source);
                if (mutated is not null)
                {
                    source = mutated;
                    break;
                }
            }
        }
        return source;
    }

    private string? Apply(Kind kind, string source)
    {
        var root = CSharpSyntaxTree.ParseText(source, Support.TestCompilation.ParseOptions).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }
        switch (kind)
        {
            case Kind.DeleteToken:
            {
                var token = Pick(tokens);
                return Edit(kind, source, token.Span, "", $"'{token.Text}'");
            }
            case Kind.DuplicateToken:
            {
                var token = Pick(tokens);
                return Edit(kind, source, new TextSpan(token.Span.End, 0), " " + token.Text, $"'{token.Text}'");
            }
            case Kind.SwapTokens:
            {
                int i = _random.Next(tokens.Count);
                int j = _random.Next(2) == 0 ? Math.Min(i + 1, tokens.Count - 1) : _random.Next(tokens.Count);
                if (i == j)
                {
                    return null;
                }
                var (first, second) = i < j ? (tokens[i], tokens[j]) : (tokens[j], tokens[i]);
                _applied.Add($"{kind} '{first.Text}' <-> '{second.Text}'");
                return source.Substring(0, first.SpanStart) + second.Text + source.Substring(first.Span.End, second.SpanStart - first.Span.End)
                    + first.Text + source.Substring(second.Span.End);
            }
            case Kind.AbsurdNumber:
            {
                var numbers = tokens.Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
                return numbers.Count == 0 ? null : ReplaceToken(kind, source, Pick(numbers), Pick(Values));
            }
            case Kind.AttributeArguments:
                return MutateAttributeArguments(source, root);
            case Kind.RenameAttribute:
            {
                var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
                return attributes.Count == 0 ? null : Edit(kind, source, Pick(attributes).Name.Span, Pick(AttributeNames));
            }
            case Kind.ShapeString:
            {
                var strings = tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).ToList();
                return strings.Count == 0 ? null : ReplaceToken(kind, source, Pick(strings), Quote(RandomShape()));
            }
            case Kind.HalfTypedMember:
            {
                var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseNamespaceDeclarationSyntax).ToList();
                if (members.Count == 0)
                {
                    return null;
                }
                var member = Pick(members);
                if (_random.Next(2) == 0)
                {
                    // Cut the member off part-way, as if the rest were not typed yet.
                    var inner = member.DescendantTokens().ToList();
                    var cut = inner[_random.Next(inner.Count)];
                    return Edit(kind, source, TextSpan.FromBounds(cut.Span.End, member.Span.End), "", "cut after '" + cut.Text + "'");
                }
                return Edit(kind, source, new TextSpan(member.SpanStart, 0), Pick(Fragments) + "\n", "fragment");
            }
            case Kind.Truncate:
            {
                var token = Pick(tokens);
                _applied.Add($"{kind} after '{token.Text}'");
                return source.Substring(0, token.Span.End);
            }
            case Kind.InsertLayer:
            {
                var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>().ToList();
                if (classes.Count == 0)
                {
                    return null;
                }
                var body = Pick(classes);
                int at = body.CloseBraceToken.IsMissing ? body.Span.End : body.CloseBraceToken.SpanStart;
                return Edit(kind, source, new TextSpan(at, 0), RandomLayer() + "\n");
            }
            case Kind.DeepNesting:
                return Nest(source, root);
            case Kind.UnicodeRename:
            {
                var names = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
                if (names.Count == 0)
                {
                    return null;
                }
                var name = Pick(names);
                string replacement = Pick(Identifiers);
                if (_random.Next(3) == 0)
                {
                    return ReplaceToken(kind, source, name, replacement);
                }
                // A consistent rename: every occurrence of the name, also inside strings such as "Filters * 4".
                _applied.Add($"{kind} all '{name.Text}' -> '{replacement}'");
                return System.Text.RegularExpressions.Regex.Replace(source, @"\b" + System.Text.RegularExpressions.Regex.Escape(name.Text) + @"\b", replacement.Replace("$", "$$"));
            }
            case Kind.ReplaceTorchCall:
            {
                var calls = root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().ToList();
                if (calls.Count == 0)
                {
                    return null;
                }
                var call = Pick(calls);
                string args = _random.Next(2) == 0 ? "" : "(" + string.Join(", ", Enumerable.Range(0, _random.Next(4)).Select(_ => Pick(Values))) + ")";
                return Edit(kind, source, call.Name.Span, Pick(TorchCalls) + args);
            }
            case Kind.HyperparameterType:
            {
                var properties = root.DescendantNodes().OfType<PropertyDeclarationSyntax>().ToList();
                return properties.Count == 0 ? null : Edit(kind, source, Pick(properties).Type.Span, Pick(PropertyTypes));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private string? MutateAttributeArguments(string source, SyntaxNode root)
    {
        const Kind kind = Kind.AttributeArguments;
        var attributes = root.DescendantNodes().OfType<AttributeSyntax>().ToList();
        if (attributes.Count == 0)
        {
            return null;
        }
        var attribute = Pick(attributes);
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        switch (_random.Next(5))
        {
            case 0:
                return attribute.ArgumentList is null ? null : Edit(kind, source, attribute.ArgumentList.Span, _random.Next(2) == 0 ? "()" : "", "cleared");
            case 1:
            {
                string positional = string.Join(", ", Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => Pick(Values)));
                return attribute.ArgumentList is null
                    ? Edit(kind, source, new TextSpan(attribute.Span.End, 0), "(" + positional + ")", "new positional")
                    : Edit(kind, source, new TextSpan(attribute.ArgumentList.OpenParenToken.Span.End, 0), positional + (arguments.Count > 0 ? ", " : ""), "positional first");
            }
            case 2:
            {
                string named = Pick(NamedArguments) + " = " + Pick(Values);
                return attribute.ArgumentList is null
                    ? Edit(kind, source, new TextSpan(attribute.Span.End, 0), "(" + named + ")", "new named")
                    : Edit(kind, source, new TextSpan(attribute.ArgumentList.CloseParenToken.SpanStart, 0), (arguments.Count > 0 ? ", " : "") + named, "named last");
            }
            default:
            {
                if (arguments.Count == 0)
                {
                    return null;
                }
                var argument = Pick(arguments.ToList());
                return Edit(kind, source, argument.Expression.Span, Pick(Values), "value of '" + argument + "'");
            }
        }
    }

    private string? Nest(string source, SyntaxNode root)
    {
        const Kind kind = Kind.DeepNesting;
        int depth = 1 + _random.Next(_random.Next(2) == 0 ? 8 : 160);
        switch (_random.Next(5))
        {
            case 0:
            {
                // The model inside many containing classes.
                var model = root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault();
                if (model is null)
                {
                    return null;
                }
                string open = string.Concat(Enumerable.Range(0, depth).Select(i => $"public {(_random.Next(6) == 0 ? "" : "partial ")}class Outer{i} {{ "));
                _applied.Add($"{kind} class in {depth} classes");
                return source.Substring(0, model.FullSpan.Start) + open + source.Substring(model.FullSpan.Start, model.FullSpan.Length)
                    + new string('}', depth) + source.Substring(model.FullSpan.End);
            }
            case 1:
            case 2:
            {
                // A tensor expression in a forward body wrapped many times: in calls, parentheses or a long sum.
                var expressions = root.DescendantNodes().OfType<MethodDeclarationSyntax>()
                    .SelectMany(m => m.DescendantNodes().OfType<IdentifierNameSyntax>())
                    .Where(e => e.Parent is not MemberAccessExpressionSyntax { Name: var n } || n != e).ToList();
                if (expressions.Count == 0)
                {
                    return null;
                }
                var target = Pick(expressions);
                string text = target.Identifier.Text;
                string nested = _random.Next(3) switch
                {
                    0 => string.Concat(Enumerable.Repeat("torch.nn.functional.relu(", depth)) + text + new string(')', depth),
                    1 => new string('(', depth) + text + new string(')', depth),
                    _ => string.Join(" + ", Enumerable.Repeat(text, depth)),
                };
                return Edit(kind, source, target.Span, nested, $"'{text}' {depth} deep");
            }
            case 3:
            {
                // A statement inside many nested ifs and usings.
                var statements = root.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax).ToList();
                if (statements.Count == 0)
                {
                    return null;
                }
                var statement = Pick(statements);
                string open = string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "if (training) { " : "using (torch.no_grad()) { "));
                return Edit(kind, source, statement.Span, open + statement + new string('}', depth), $"statement {depth} deep");
            }
            default:
            {
                // Many layers in one chain.
                var model = root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => !c.CloseBraceToken.IsMissing);
                if (model is null)
                {
                    return null;
                }
                var layers = new StringBuilder();
                for (int i = 0; i < depth; i++)
                {
                    layers.Append("[Linear(").Append(1 + _random.Next(8)).Append(")] public partial Linear Deep").Append(i).Append(" { get; }\n");
                }
                return Edit(kind, source, new TextSpan(model.CloseBraceToken.SpanStart, 0), layers.ToString(), $"{depth} layers");
            }
        }
    }

    private string RandomShape() =>
        string.Join(Pick(new[] { ", ", ",", " , ", ";", ",,", " " }), Enumerable.Range(0, _random.Next(7)).Select(_ => Pick(ShapeParts)));

    private string RandomLayer()
    {
        string attribute = Pick(AttributeNames);
        string arguments = _random.Next(3) == 0 ? "" : "(" + string.Join(", ", Enumerable.Range(0, _random.Next(4)).Select(_ => Pick(Values))
            .Concat(Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(NamedArguments) + " = " + Pick(Values)))) + ")";
        string type = _random.Next(3) == 0 ? Pick(PropertyTypes) : attribute;
        string name = _random.Next(4) == 0 ? Pick(Identifiers) : "Added" + _random.Next(1000);
        return $"[{attribute}{arguments}] public partial {type} {name} {{ get; }}";
    }

    private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private string ReplaceToken(Kind kind, string source, SyntaxToken token, string replacement) =>
        Edit(kind, source, token.Span, replacement, $"'{token.Text}'")!;

    private string Edit(Kind kind, string source, TextSpan span, string replacement, string? what = null)
    {
        _applied.Add($"{kind} {what ?? "'" + source.Substring(span.Start, span.Length) + "'"} -> '{Shorten(replacement)}'");
        return source.Substring(0, span.Start) + replacement + source.Substring(span.End);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
