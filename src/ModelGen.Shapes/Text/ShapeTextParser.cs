using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Shapes;

/// <summary>
/// Recursive-descent parser behind <see cref="ShapeText.Parse"/>. Every token and every expression
/// keeps its span in the text so each error can underline exactly the characters at fault.
/// </summary>
internal sealed class ShapeTextParser
{
    private readonly string _text;
    private readonly List<Token> _tokens = new List<Token>();
    private int _position;

    // The dimension being parsed, counted from 0 like torch, the entry guard and the shape rules.
    private int _dimension = -1;

    public ShapeTextParser(string text) => _text = text;

    private enum Kind
    {
        Number,
        Name,
        Plus,
        Minus,
        Star,
        Slash,
        LParen,
        RParen,
        Comma,
        LBracket,
        RBracket,
        Bad,
        End,
    }

    public ShapeTextResult Parse()
    {
        try
        {
            Tokenize();
            return ShapeTextResult.Ok(ParseShape());
        }
        catch (SyntaxError e)
        {
            return ShapeTextResult.Fail(e.Error);
        }
    }

    private Shape ParseShape()
    {
        if (Peek.Kind == Kind.End)
        {
            throw Error("the shape is empty: expected comma-separated dimensions such as \"N, 1, 28, 28\"", 0, _text.Length);
        }
        Token? open = null;
        if (Peek.Kind == Kind.LBracket)
        {
            open = Next();
            if (Peek.Kind == Kind.RBracket)
            {
                throw Error("the shape is empty: expected comma-separated dimensions such as \"N, 1, 28, 28\"", open.Value.Start, Peek.End - open.Value.Start);
            }
        }

        var dims = new List<Dim>();
        while (true)
        {
            _dimension++;
            if (Peek.Kind is Kind.Comma or Kind.End or Kind.RBracket)
            {
                throw EmptyDimension();
            }
            var node = ParseExpression();
            dims.Add(CheckDimension(node));

            var next = Peek;
            switch (next.Kind)
            {
                case Kind.Comma:
                    Next();
                    continue;
                case Kind.End when open is null:
                    return Shape.Of(dims);
                case Kind.End:
                    throw Error("'[' is never closed", open!.Value.Start, 1);
                case Kind.RBracket when open is not null:
                    Next();
                    if (Peek.Kind != Kind.End)
                    {
                        throw Error($"unexpected '{TextOf(Peek)}' after the closing ']'", Peek.Start, Peek.Length);
                    }
                    return Shape.Of(dims);
                case Kind.RBracket:
                    throw Error("']' has no matching '['", next.Start, 1);
                case Kind.RParen:
                    throw Error("')' has no matching '('", next.Start, 1);
                default:
                    throw Error(
                        $"unexpected '{TextOf(next)}' in dimension {Text.Int(_dimension)}: expected an operator (+, -, *, /), ',' or the end of the shape",
                        next.Start,
                        next.Length);
            }
        }
    }

    /// <summary>Underlines the comma after the empty dimension, or the one before it at the end.</summary>
    private SyntaxError EmptyDimension()
    {
        string message = $"dimension {Text.Int(_dimension)} is empty";
        if (Peek.Kind == Kind.Comma)
        {
            return Error(message, Peek.Start, 1);
        }
        var previous = _tokens[_position - 1];
        return Error(message, previous.Start, previous.Length);
    }

    private Dim CheckDimension(Node node)
    {
        if (node.Value.ConstantValue is long value && value <= 0)
        {
            throw Error(
                $"dimension {Text.Int(_dimension)} ('{_text.Substring(node.Start, node.End - node.Start)}') is {Text.Int(value)}: sizes must be positive",
                node.Start,
                node.End - node.Start);
        }
        return node.Value;
    }

    private Node ParseExpression()
    {
        var left = ParseTerm();
        while (Peek.Kind is Kind.Plus or Kind.Minus)
        {
            var op = Next();
            var right = ParseTerm(op);
            left = Combine(left, right, op.Kind == Kind.Plus ? (a, b) => a + b : (a, b) => a - b);
        }
        return left;
    }

    private Node ParseTerm(Token? after = null)
    {
        var left = ParseFactor(after);
        while (Peek.Kind is Kind.Star or Kind.Slash)
        {
            var op = Next();
            var right = ParseFactor(op);
            if (op.Kind == Kind.Star)
            {
                left = Combine(left, right, (a, b) => a * b);
                continue;
            }
            string divisorText = _text.Substring(right.Start, right.End - right.Start);
            if (right.Value.ConstantValue is not long divisor)
            {
                throw Error(
                    $"division by '{divisorText}' is not allowed: a dimension can only be divided by a positive integer",
                    right.Start,
                    right.End - right.Start);
            }
            if (divisor <= 0)
            {
                throw Error(
                    divisor == 0 ? $"division by zero ('{divisorText}')" : $"division by {Text.Int(divisor)} ('{divisorText}'): the divisor must be a positive integer",
                    right.Start,
                    right.End - right.Start);
            }
            left = Combine(left, right, (a, _) => Dim.FloorDiv(a, divisor));
        }
        return left;
    }

    /// <param name="after">The operator before this operand, if any, for "needs a value" errors.</param>
    private Node ParseFactor(Token? after)
    {
        var token = Peek;
        switch (token.Kind)
        {
            case Kind.Number:
                Next();
                if (token.Value is not long value)
                {
                    throw Error($"'{TextOf(token)}' is too large for a 64-bit integer", token.Start, token.Length);
                }
                if (value == 0)
                {
                    throw Error($"'{TextOf(token)}' is not a valid dimension: sizes must be positive", token.Start, token.Length);
                }
                return new Node(Dim.Const(value), token.Start, token.End);
            case Kind.Name:
                Next();
                return new Node(Dim.Sym(TextOf(token)), token.Start, token.End);
            case Kind.LParen:
                Next();
                if (Peek.Kind == Kind.RParen)
                {
                    throw Error("empty parentheses '()'", token.Start, Peek.End - token.Start);
                }
                var inner = ParseExpression();
                if (Peek.Kind == Kind.RParen)
                {
                    var close = Next();
                    return new Node(inner.Value, token.Start, close.End);
                }
                if (Peek.Kind is Kind.End or Kind.Comma or Kind.RBracket)
                {
                    throw Error("'(' is never closed", token.Start, 1);
                }
                throw Error(
                    $"unexpected '{TextOf(Peek)}' in dimension {Text.Int(_dimension)}: expected an operator (+, -, *, /) or ')'",
                    Peek.Start,
                    Peek.Length);
            case Kind.Minus:
                // A leading minus would make a negative size; underline it with what it negates.
                int end = token.End;
                if (Peek2.Kind is Kind.Number or Kind.Name)
                {
                    end = Peek2.End;
                }
                throw Error(
                    $"'{_text.Substring(token.Start, end - token.Start)}' is not a valid dimension: sizes cannot be negative",
                    token.Start,
                    end - token.Start);
            case Kind.End:
            case Kind.Comma:
            case Kind.RBracket:
            case Kind.RParen:
                if (after is Token op)
                {
                    throw Error($"'{TextOf(op)}' needs a value after it", op.Start, op.Length);
                }
                throw Error($"unexpected '{TextOf(token)}': expected a positive integer or a name", token.Start, Math.Max(token.Length, 0));
            default:
                throw Error(
                    $"'{TextOf(token)}' is not a valid dimension: expected a positive integer or a name",
                    token.Start,
                    token.Length);
        }
    }

    private Node Combine(Node left, Node right, Func<Dim, Dim, Dim> op)
    {
        try
        {
            return new Node(op(left.Value, right.Value), left.Start, right.End);
        }
        catch (OverflowException)
        {
            throw Error(
                $"dimension {Text.Int(_dimension)} ('{_text.Substring(left.Start, right.End - left.Start)}') overflows a 64-bit integer",
                left.Start,
                right.End - left.Start);
        }
    }

    private void Tokenize()
    {
        int i = 0;
        while (i < _text.Length)
        {
            char c = _text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (IsDigit(c))
            {
                while (i < _text.Length && IsDigit(_text[i]))
                {
                    i++;
                }
                if (i < _text.Length && (IsNameChar(_text[i]) || _text[i] == '.'))
                {
                    // "3x" or "2.5": one bad token, so the message quotes all of it.
                    while (i < _text.Length && (IsNameChar(_text[i]) || _text[i] == '.'))
                    {
                        i++;
                    }
                    _tokens.Add(new Token(Kind.Bad, start, i - start, null));
                    continue;
                }
                long? value = long.TryParse(_text.Substring(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
                _tokens.Add(new Token(Kind.Number, start, i - start, value));
                continue;
            }
            if (IsNameStart(c))
            {
                while (i < _text.Length && IsNameChar(_text[i]))
                {
                    i++;
                }
                _tokens.Add(new Token(Kind.Name, start, i - start, null));
                continue;
            }
            Kind kind = c switch
            {
                '+' => Kind.Plus,
                '-' => Kind.Minus,
                '*' => Kind.Star,
                '/' => Kind.Slash,
                '(' => Kind.LParen,
                ')' => Kind.RParen,
                ',' => Kind.Comma,
                '[' => Kind.LBracket,
                ']' => Kind.RBracket,
                _ => Kind.Bad,
            };
            int length = kind == Kind.Bad && char.IsHighSurrogate(c) && i + 1 < _text.Length && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
            _tokens.Add(new Token(kind, start, length, null));
            i += length;
        }
        _tokens.Add(new Token(Kind.End, _text.Length, 0, null));
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsNameStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';

    private static bool IsNameChar(char c) => IsNameStart(c) || IsDigit(c);

    private Token Peek => _tokens[_position];

    private Token Peek2 => _tokens[Math.Min(_position + 1, _tokens.Count - 1)];

    private Token Next() => _tokens[_position++];

    private string TextOf(Token token) => token.Kind == Kind.End ? "end of the shape" : _text.Substring(token.Start, token.Length);

    private static SyntaxError Error(string message, int start, int length) => new SyntaxError(new ShapeTextError(message, start, length));

    private readonly struct Token
    {
        public Token(Kind kind, int start, int length, long? value)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Value = value;
        }

        public Kind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        /// <summary>A number's value; null when it does not fit in a long.</summary>
        public long? Value { get; }
    }

    /// <summary>A parsed expression and the span of text it came from.</summary>
    private readonly struct Node
    {
        public Node(Dim value, int start, int end)
        {
            Value = value;
            Start = start;
            End = end;
        }

        public Dim Value { get; }

        public int Start { get; }

        public int End { get; }
    }

    /// <summary>Unwinds the parser to <see cref="Parse"/>, which turns it into a result; never escapes.</summary>
    private sealed class SyntaxError : Exception
    {
        public SyntaxError(ShapeTextError error)
            : base(error.Message) => Error = error;

        public ShapeTextError Error { get; }
    }
}
