using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ModelGen.Shapes;

/// <summary>Writes a <see cref="Dim"/> as human text or as a C# expression.</summary>
internal static class DimFormatter
{
    /// <summary>
    /// Human text. One presentation choice on top of the canonical form: when exactly one term is a lone
    /// <c>floor(P/d)</c>, the constant term is moved into its numerator
    /// (<c>floor(P/d) + c = floor((P + c*d)/d)</c>), so a convolution's <c>floor((H - 3)/2) + 1</c>, stored
    /// as <c>(H + 1) / 2 - 1</c>, reads as the single fraction <c>(H - 1) / 2</c>.
    /// </summary>
    public static string Format(Dim value)
    {
        var terms = value.Terms;
        if (terms.Length == 0)
        {
            return "0";
        }

        long constant = value.ConstantTerm;
        int shiftIndex = FindShiftableFloor(terms, constant, out Dim? shiftedNumerator);

        var parts = new List<(long Coefficient, string Body)>(terms.Length);
        for (int i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            if (term.Monomial.IsOne)
            {
                if (shiftIndex < 0)
                {
                    parts.Add((term.Coefficient, string.Empty));
                }
                continue;
            }
            if (i == shiftIndex)
            {
                var floor = (FloorAtom)term.Monomial.Factors[0];
                parts.Add((1, FloorText(shiftedNumerator!, floor.Divisor)));
                continue;
            }
            parts.Add((term.Coefficient, MonomialText(term.Monomial, term.Coefficient != 1 && term.Coefficient != -1)));
        }

        // Lead with a positive term when there is one: "5 - H" rather than "-H + 5".
        if (parts[0].Coefficient < 0)
        {
            int firstPositive = parts.FindIndex(p => p.Coefficient > 0);
            if (firstPositive > 0)
            {
                var positive = parts[firstPositive];
                parts.RemoveAt(firstPositive);
                parts.Insert(0, positive);
            }
        }

        var text = new StringBuilder();
        for (int i = 0; i < parts.Count; i++)
        {
            var (coefficient, body) = parts[i];
            string magnitude = Magnitude(coefficient);
            string termText = body.Length == 0 ? magnitude : magnitude == "1" ? body : magnitude + " * " + body;
            if (i == 0)
            {
                text.Append(coefficient < 0 ? "-" : string.Empty).Append(termText);
            }
            else
            {
                text.Append(coefficient < 0 ? " - " : " + ").Append(termText);
            }
        }
        return text.ToString();
    }

    /// <summary>A C# long expression; see <see cref="Dim.ToCSharp"/>.</summary>
    public static string FormatCSharp(Dim value, Func<string, string> symbol)
    {
        var terms = value.Terms;
        if (terms.Length == 0)
        {
            return "0";
        }
        var text = new StringBuilder();
        for (int i = 0; i < terms.Length; i++)
        {
            var term = terms[i];
            string magnitude = Magnitude(term.Coefficient);
            var factors = new List<string>();
            if (term.Monomial.IsOne || magnitude != "1")
            {
                factors.Add(magnitude);
            }
            foreach (var atom in term.Monomial.Factors)
            {
                factors.Add(atom is SymbolAtom s
                    ? Primary(symbol(s.Name) ?? throw new InvalidOperationException($"The symbol callback returned null for '{s.Name}'."))
                    : FloorCSharp((FloorAtom)atom, symbol));
            }
            string termText = string.Join(" * ", factors);
            if (i == 0)
            {
                text.Append(term.Coefficient < 0 ? "-" : string.Empty).Append(termText);
            }
            else
            {
                text.Append(term.Coefficient < 0 ? " - " : " + ").Append(termText);
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The index of the one term that is exactly <c>floor(P/d)</c> (coefficient 1) when there is a
    /// non-zero constant to move into it, with the numerator <c>P + c*d</c>; otherwise -1.
    /// </summary>
    private static int FindShiftableFloor(Dim.Term[] terms, long constant, out Dim? numerator)
    {
        numerator = null;
        if (constant == 0)
        {
            return -1;
        }
        int index = -1;
        for (int i = 0; i < terms.Length; i++)
        {
            var m = terms[i].Monomial;
            if (terms[i].Coefficient == 1 && m.Degree == 1 && m.Factors[0] is FloorAtom)
            {
                if (index >= 0)
                {
                    return -1;
                }
                index = i;
            }
        }
        if (index < 0)
        {
            return -1;
        }
        var floor = (FloorAtom)terms[index].Monomial.Factors[0];
        try
        {
            numerator = floor.Numerator + checked(constant * floor.Divisor);
        }
        catch (OverflowException)
        {
            // Shown unshifted rather than not at all.
            return -1;
        }
        return index;
    }

    private static string MonomialText(Monomial monomial, bool hasCoefficient)
    {
        bool alone = monomial.Degree == 1 && !hasCoefficient;
        var factors = new List<string>(monomial.Degree);
        foreach (var atom in monomial.Factors)
        {
            if (atom is SymbolAtom s)
            {
                factors.Add(s.Name);
            }
            else
            {
                var f = (FloorAtom)atom;
                string text = FloorText(f.Numerator, f.Divisor);
                // "4 * H / 2" would read as (4 * H) / 2, so a floor inside a product keeps its parentheses.
                factors.Add(alone ? text : "(" + text + ")");
            }
        }
        return string.Join(" * ", factors);
    }

    private static string FloorText(Dim numerator, long divisor)
    {
        string text = Format(numerator);
        bool single = numerator.Terms.Length == 1 && numerator.Terms[0].Coefficient > 0;
        return (single ? text : "(" + text + ")") + " / " + divisor.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Always parenthesised, so it can stand in a product: <c>3 * ((H + 1) / 2)</c>.</summary>
    private static string FloorCSharp(FloorAtom floor, Func<string, string> symbol)
    {
        string numerator = FormatCSharp(floor.Numerator, symbol);
        if (floor.Numerator.Terms.Length > 1)
        {
            numerator = "(" + numerator + ")";
        }
        return "(" + numerator + " / " + floor.Divisor.ToString(CultureInfo.InvariantCulture) + ")";
    }

    private static string Magnitude(long coefficient)
    {
        string digits = coefficient.ToString(CultureInfo.InvariantCulture);
        return coefficient < 0 ? digits.Substring(1) : digits;
    }

    /// <summary>Keeps a simple name, member access or element access as is; parenthesises anything else.</summary>
    private static string Primary(string expression)
    {
        if (expression.Length == 0)
        {
            throw new InvalidOperationException("The symbol callback returned an empty expression.");
        }
        bool simple = char.IsLetter(expression[0]) || expression[0] == '_' || expression[0] == '@';
        int depth = 0;
        foreach (char c in expression)
        {
            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '@'))
            {
                simple = false;
            }
        }
        return simple && depth == 0 ? expression : "(" + expression + ")";
    }
}
