using System;
using System.Collections.Generic;
using System.Globalization;

namespace ModelGen.Shapes.Tests.Support;

/// <summary>
/// Evaluates the subset of C# that <see cref="Dim.ToCSharp"/> emits (long literals, names, unary
/// minus, + - * / and parentheses) with C#'s own semantics: checked long arithmetic and integer
/// division that truncates toward zero. Lets the tests check the emitted text without compiling it.
/// </summary>
internal sealed class CSharpLongInterpreter
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, long> _names;
    private int _pos;

    private CSharpLongInterpreter(string text, IReadOnlyDictionary<string, long> names)
    {
        _text = text;
        _names = names;
    }

    public static long Evaluate(string expression, IReadOnlyDictionary<string, long> names)
    {
        var interpreter = new CSharpLongInterpreter(expression, names);
        long value = interpreter.Additive();
        interpreter.SkipSpaces();
        if (interpreter._pos != expression.Length)
        {
            throw new FormatException($"Unexpected '{expression.Substring(interpreter._pos)}' in '{expression}'.");
        }
        return value;
    }

    private long Additive()
    {
        long value = Multiplicative();
        while (true)
        {
            SkipSpaces();
            if (Accept('+'))
            {
                value = checked(value + Multiplicative());
            }
            else if (Accept('-'))
            {
                value = checked(value - Multiplicative());
            }
            else
            {
                return value;
            }
        }
    }

    private long Multiplicative()
    {
        long value = Unary();
        while (true)
        {
            SkipSpaces();
            if (Accept('*'))
            {
                value = checked(value * Unary());
            }
            else if (Accept('/'))
            {
                // C#: truncation toward zero.
                value /= Unary();
            }
            else
            {
                return value;
            }
        }
    }

    private long Unary()
    {
        SkipSpaces();
        if (Accept('-'))
        {
            return checked(-Unary());
        }
        if (Accept('('))
        {
            long inner = Additive();
            SkipSpaces();
            if (!Accept(')'))
            {
                throw new FormatException($"Missing ')' in '{_text}'.");
            }
            return inner;
        }
        int start = _pos;
        if (_pos < _text.Length && char.IsDigit(_text[_pos]))
        {
            while (_pos < _text.Length && char.IsDigit(_text[_pos]))
            {
                _pos++;
            }
            return long.Parse(_text.Substring(start, _pos - start), CultureInfo.InvariantCulture);
        }
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_' || _text[_pos] == '.' || _text[_pos] == '[' || _text[_pos] == ']'))
        {
            _pos++;
        }
        if (_pos == start)
        {
            throw new FormatException($"Expected a value at {start} in '{_text}'.");
        }
        string name = _text.Substring(start, _pos - start);
        return _names.TryGetValue(name, out long v) ? v : throw new KeyNotFoundException($"Unbound name '{name}' in '{_text}'.");
    }

    private bool Accept(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }
    }
}
