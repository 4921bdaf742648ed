using System;
using System.Collections.Generic;

namespace ModelGen.Shapes;

/// <summary>
/// An immutable symbolic integer: a tensor dimension or a hyperparameter such as <c>32</c>, <c>N</c>,
/// <c>4 * C</c>, <c>H - 2</c> or <c>(H - 1) / 2</c>, built from integer constants, named symbols,
/// <c>+</c>, <c>-</c>, <c>*</c> and floor division by a positive constant.
/// </summary>
/// <remarks>
/// <para>
/// A Dim is kept in a canonical form: a polynomial with <see cref="long"/> coefficients over atoms,
/// where an atom is a symbol or <c>floor(P / d)</c> of a normalised polynomial P and a constant
/// d &gt; 1. Terms are ordered by a fixed monomial order, so structural equality is algebraic
/// equality for polynomials, and floor divisions are normalised (see <see cref="FloorDiv"/>) so that
/// the forms the shape rules produce compare equal when they are equal.
/// </para>
/// <para>
/// Symbols stand for non-negative integers. Arithmetic is checked: a result that does not fit in
/// a <see cref="long"/> throws <see cref="OverflowException"/>; the rules turn that into an error.
/// </para>
/// </remarks>
public sealed class Dim : IEquatable<Dim>
{
    private static readonly Term[] NoTerms = Array.Empty<Term>();

    private readonly Term[] _terms;
    private readonly int _hash;
    private IReadOnlyCollection<string>? _symbols;

    private Dim(Term[] terms)
    {
        _terms = terms;
        int hash = 0x1D1;
        foreach (var term in terms)
        {
            hash = StableHash.Combine(StableHash.Combine(hash, term.Monomial.GetHashCode()), term.Coefficient.GetHashCode());
        }
        _hash = hash;
    }

    /// <summary>The constant 0.</summary>
    public static Dim Zero { get; } = new Dim(NoTerms);

    /// <summary>The constant 1.</summary>
    public static Dim One { get; } = Const(1);

    /// <summary>The terms in canonical order, highest monomial first; the constant term, if any, is last.</summary>
    internal Term[] Terms => _terms;

    /// <summary>An integer constant.</summary>
    public static Dim Const(long value) =>
        value == 0 ? Zero : new Dim(new[] { new Term(Monomial.One, value) });

    /// <summary>A named size, such as <c>N</c>; a non-negative integer known only at run time.</summary>
    /// <exception cref="ArgumentException">The name is null or empty.</exception>
    public static Dim Sym(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A symbol needs a non-empty name.", nameof(name));
        }
        return new Dim(new[] { new Term(Monomial.Of(new SymbolAtom(name)), 1) });
    }

    /// <summary>
    /// <c>floor(numerator / divisor)</c>, normalised: divisor 1 gives the numerator; a constant
    /// numerator is computed; each numerator coefficient <c>a = q*d + r</c> with <c>0 &lt;= r &lt; d</c>
    /// moves <c>q</c> times its monomial outside (<c>floor((d*X + R)/d) = X + floor(R/d)</c>); a factor
    /// shared by the divisor and all non-constant coefficients is cancelled; and a numerator that is a
    /// single floor plus an integer polynomial is merged
    /// (<c>floor((floor(Q/b) + R)/d) = floor((Q + b*R)/(b*d))</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="numerator"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> is not positive.</exception>
    public static Dim FloorDiv(Dim numerator, long divisor)
    {
        if (numerator is null)
        {
            throw new ArgumentNullException(nameof(numerator));
        }
        if (divisor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(divisor), divisor, "A floor division needs a positive divisor.");
        }
        return NormalizeFloor(numerator, divisor);
    }

    /// <summary>
    /// The exact quotient <paramref name="numerator"/> / <paramref name="divisor"/> as a polynomial
    /// (atoms treated as independent variables), or null when the division is not exact: <c>784 * N / 784</c>
    /// is <c>N</c>, <c>C * H * W * N / (C * H * W)</c> is <c>N</c>, <c>256 * N / 784</c> is null.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Dim? DivideExact(Dim numerator, Dim divisor)
    {
        if (numerator is null)
        {
            throw new ArgumentNullException(nameof(numerator));
        }
        if (divisor is null)
        {
            throw new ArgumentNullException(nameof(divisor));
        }
        if (divisor._terms.Length == 0)
        {
            return null;
        }
        // Polynomial long division under the graded-lex order: when the division is exact, the
        // leading term of what remains is always divisible by the divisor's leading term.
        var lead = divisor._terms[0];
        var quotient = new Accumulator();
        var remainder = numerator;
        while (remainder._terms.Length != 0)
        {
            var top = remainder._terms[0];
            var monomial = top.Monomial.DividedBy(lead.Monomial);
            if (monomial is null || top.Coefficient % lead.Coefficient != 0)
            {
                return null;
            }
            var step = new Dim(new[] { new Term(monomial, top.Coefficient / lead.Coefficient) });
            quotient.Add(step);
            remainder -= step * divisor;
        }
        return quotient.ToDim();
    }

    /// <summary>True when the value does not depend on any symbol.</summary>
    public bool IsConstant => _terms.Length == 0 || (_terms.Length == 1 && _terms[0].Monomial.IsOne);

    /// <summary>The value when <see cref="IsConstant"/>, otherwise null.</summary>
    public long? ConstantValue => _terms.Length == 0 ? 0 : IsConstant ? _terms[0].Coefficient : null;

    /// <summary>The constant term (0 when there is none).</summary>
    internal long ConstantTerm => _terms.Length != 0 && _terms[_terms.Length - 1].Monomial.IsOne ? _terms[_terms.Length - 1].Coefficient : 0;

    /// <summary>The names of the symbols this value depends on, including inside floor divisions; sorted ordinally, distinct.</summary>
    public IReadOnlyCollection<string> Symbols
    {
        get
        {
            if (_symbols is null)
            {
                var names = new SortedSet<string>(StringComparer.Ordinal);
                CollectSymbols(names);
                var list = new List<string>(names);
                _symbols = list.AsReadOnly();
            }
            return _symbols;
        }
    }

    /// <summary>
    /// Replaces symbols by values (which may themselves be symbolic) and renormalises; symbols not in
    /// <paramref name="values"/> stay as they are.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public Dim Substitute(IReadOnlyDictionary<string, Dim> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }
        var sum = new Accumulator();
        foreach (var term in _terms)
        {
            Dim product = Const(term.Coefficient);
            foreach (var atom in term.Monomial.Factors)
            {
                product *= SubstituteAtom(atom, values);
            }
            sum.Add(product);
        }
        return sum.ToDim();
    }

    /// <summary>
    /// The value with every symbol bound, using floor division as the canonical form means; null when
    /// a symbol is unbound or the value does not fit in a <see cref="long"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public long? Evaluate(IReadOnlyDictionary<string, long> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }
        try
        {
            return EvaluateChecked(values);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> are provably equal (same canonical form),
    /// provably different (their difference is a non-zero constant), or neither.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static DimRelation Relate(Dim a, Dim b)
    {
        if (a is null)
        {
            throw new ArgumentNullException(nameof(a));
        }
        if (b is null)
        {
            throw new ArgumentNullException(nameof(b));
        }
        if (a.Equals(b))
        {
            return DimRelation.Equal;
        }
        Dim difference;
        try
        {
            difference = a - b;
        }
        catch (OverflowException)
        {
            // Both constant and too far apart for a long: certainly different.
            return a.IsConstant && b.IsConstant ? DimRelation.NotEqual : DimRelation.Unknown;
        }
        return difference.IsConstant ? DimRelation.NotEqual : DimRelation.Unknown;
    }

    /// <summary>
    /// Human-readable canonical text, such as <c>N</c>, <c>32</c>, <c>4 * C</c>, <c>H - 2</c> or
    /// <c>(H - 1) / 2</c>, where <c>/</c> is floor division; deterministic and culture-invariant.
    /// </summary>
    public override string ToString() => DimFormatter.Format(this);

    /// <summary>
    /// A C# expression of type <see cref="long"/> for this value when every symbol is a <see cref="long"/>
    /// expression, with symbol names mapped by <paramref name="symbol"/>. Floor division is emitted as
    /// C# integer <c>/</c>, which equals floor division only for non-negative numerators: numerators are
    /// written with coefficients in [0, divisor), so they are non-negative whenever the symbols are.
    /// The callback's result is parenthesised unless it is a simple name, member access or element access.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="symbol"/> is null.</exception>
    public string ToCSharp(Func<string, string> symbol)
    {
        if (symbol is null)
        {
            throw new ArgumentNullException(nameof(symbol));
        }
        return DimFormatter.FormatCSharp(this, symbol);
    }

    /// <summary>Structural (canonical-form) equality, which is algebraic equality for the forms the engine produces.</summary>
    public bool Equals(Dim? other)
    {
        if (other is null)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other._hash != _hash || other._terms.Length != _terms.Length)
        {
            return false;
        }
        for (int i = 0; i < _terms.Length; i++)
        {
            if (_terms[i].Coefficient != other._terms[i].Coefficient || !_terms[i].Monomial.Equals(other._terms[i].Monomial))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc cref="Equals(Dim)"/>
    public override bool Equals(object? obj) => obj is Dim d && Equals(d);

    /// <summary>A hash of the canonical form that is the same in every process.</summary>
    public override int GetHashCode() => _hash;

    /// <summary>Structural equality; null equals only null.</summary>
    public static bool operator ==(Dim? a, Dim? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Structural inequality; null equals only null.</summary>
    public static bool operator !=(Dim? a, Dim? b) => !(a == b);

    /// <summary>The constant <paramref name="value"/>.</summary>
    public static implicit operator Dim(long value) => Const(value);

    /// <summary>Sum.</summary>
    public static Dim operator +(Dim a, Dim b)
    {
        Check(a, b);
        if (a._terms.Length == 0)
        {
            return b;
        }
        if (b._terms.Length == 0)
        {
            return a;
        }
        var sum = new Accumulator();
        sum.Add(a);
        sum.Add(b);
        return sum.ToDim();
    }

    /// <summary>Sum.</summary>
    public static Dim operator +(Dim a, long b) => a + Const(b);

    /// <summary>Sum.</summary>
    public static Dim operator +(long a, Dim b) => Const(a) + b;

    /// <summary>Difference.</summary>
    public static Dim operator -(Dim a, Dim b)
    {
        Check(a, b);
        var sum = new Accumulator();
        sum.Add(a);
        sum.Add(b, -1);
        return sum.ToDim();
    }

    /// <summary>Difference.</summary>
    public static Dim operator -(Dim a, long b) => a - Const(b);

    /// <summary>Difference.</summary>
    public static Dim operator -(long a, Dim b) => Const(a) - b;

    /// <summary>Negation.</summary>
    public static Dim operator -(Dim a) => Zero - a;

    /// <summary>Product.</summary>
    public static Dim operator *(Dim a, Dim b)
    {
        Check(a, b);
        var product = new Accumulator();
        foreach (var x in a._terms)
        {
            foreach (var y in b._terms)
            {
                product.Add(x.Monomial.Times(y.Monomial), checked(x.Coefficient * y.Coefficient));
            }
        }
        return product.ToDim();
    }

    /// <summary>Product.</summary>
    public static Dim operator *(Dim a, long b) => a * Const(b);

    /// <summary>Product.</summary>
    public static Dim operator *(long a, Dim b) => Const(a) * b;

    /// <summary>
    /// A total order on canonical forms, used to order floor atoms: term by term, the value whose
    /// term comes first in canonical (display) order is the smaller, so <c>H / 2</c> sorts before <c>W / 2</c>.
    /// </summary>
    internal static int CompareStructure(Dim a, Dim b)
    {
        int n = Math.Min(a._terms.Length, b._terms.Length);
        for (int i = 0; i < n; i++)
        {
            int c = Monomial.CompareGradedLex(a._terms[i].Monomial, b._terms[i].Monomial);
            if (c != 0)
            {
                return -c;
            }
            c = a._terms[i].Coefficient.CompareTo(b._terms[i].Coefficient);
            if (c != 0)
            {
                return c;
            }
        }
        return a._terms.Length.CompareTo(b._terms.Length);
    }

    /// <summary>floor(a / b) for b &gt; 0, rounding toward negative infinity as Python and libtorch's div_rtn do.</summary>
    internal static long FloorDivide(long a, long b)
    {
        long q = a / b;
        return (a % b != 0) && (a < 0) ? q - 1 : q;
    }

    private static void Check(Dim a, Dim b)
    {
        if (a is null)
        {
            throw new ArgumentNullException(nameof(a));
        }
        if (b is null)
        {
            throw new ArgumentNullException(nameof(b));
        }
    }

    private static Dim NormalizeFloor(Dim p, long d)
    {
        if (d == 1)
        {
            return p;
        }

        // Split every coefficient a = q*d + r (0 <= r < d): q*m leaves the floor exactly.
        var outer = new Accumulator();
        var inner = new Accumulator();
        foreach (var term in p._terms)
        {
            long q = FloorDivide(term.Coefficient, d);
            long r = term.Coefficient - (q * d);
            outer.Add(term.Monomial, q);
            inner.Add(term.Monomial, r);
        }
        var whole = outer.ToDim();
        var rest = inner.ToDim();
        if (rest.IsConstant)
        {
            // 0 <= rest < d, so its floor is 0.
            return whole;
        }

        // floor((g*X + c)/(g*e)) = floor((X + floor(c/g))/e) when g divides every non-constant coefficient.
        long g = d;
        foreach (var term in rest._terms)
        {
            if (!term.Monomial.IsOne)
            {
                g = Gcd(g, term.Coefficient);
            }
        }
        if (g > 1)
        {
            var reduced = new Accumulator();
            foreach (var term in rest._terms)
            {
                reduced.Add(term.Monomial, term.Monomial.IsOne ? FloorDivide(term.Coefficient, g) : term.Coefficient / g);
            }
            return whole + NormalizeFloor(reduced.ToDim(), d / g);
        }

        // floor((floor(Q/b) + R)/d) = floor((Q + b*R)/(b*d)) for an integer polynomial R.
        if (TrySplitSingleFloor(rest, out var nested, out var remainder))
        {
            return whole + NormalizeFloor(nested.Numerator + (remainder * nested.Divisor), checked(nested.Divisor * d));
        }

        return whole + new Dim(new[] { new Term(Monomial.Of(new FloorAtom(rest, d)), 1) });
    }

    /// <summary>
    /// True when <paramref name="p"/> is <c>floor(Q/b) + R</c> for a term <c>floor(Q/b)</c> with coefficient 1
    /// and an integer polynomial R. With several such terms the most deeply nested one is taken (then the
    /// greatest atom), so the choice is deterministic: it is the newest floor when a floor division is
    /// divided again, which is what makes <c>floor(floor(X/d)/e)</c> and <c>floor(X/(d*e))</c> meet.
    /// </summary>
    private static bool TrySplitSingleFloor(Dim p, out FloorAtom floor, out Dim remainder)
    {
        floor = null!;
        remainder = Zero;
        int index = -1;
        for (int i = 0; i < p._terms.Length; i++)
        {
            var term = p._terms[i];
            if (term.Coefficient == 1 && term.Monomial.Degree == 1 && term.Monomial.Factors[0] is FloorAtom candidate
                && (index < 0 || candidate.Depth > floor.Depth || (candidate.Depth == floor.Depth && candidate.CompareTo(floor) > 0)))
            {
                floor = candidate;
                index = i;
            }
        }
        if (index < 0)
        {
            return false;
        }
        var others = new Term[p._terms.Length - 1];
        Array.Copy(p._terms, 0, others, 0, index);
        Array.Copy(p._terms, index + 1, others, index, p._terms.Length - index - 1);
        remainder = new Dim(others);
        return true;
    }

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
        {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static Dim SubstituteAtom(Atom atom, IReadOnlyDictionary<string, Dim> values)
    {
        if (atom is SymbolAtom s)
        {
            if (values.TryGetValue(s.Name, out var value))
            {
                return value ?? throw new ArgumentException($"The value for symbol '{s.Name}' is null.", nameof(values));
            }
            return new Dim(new[] { new Term(Monomial.Of(atom), 1) });
        }
        var f = (FloorAtom)atom;
        return FloorDiv(f.Numerator.Substitute(values), f.Divisor);
    }

    private long? EvaluateChecked(IReadOnlyDictionary<string, long> values)
    {
        long sum = 0;
        foreach (var term in _terms)
        {
            long product = term.Coefficient;
            foreach (var atom in term.Monomial.Factors)
            {
                long? value;
                if (atom is SymbolAtom s)
                {
                    value = values.TryGetValue(s.Name, out long v) ? v : null;
                }
                else
                {
                    var f = (FloorAtom)atom;
                    var numerator = f.Numerator.EvaluateChecked(values);
                    value = numerator is long n ? FloorDivide(n, f.Divisor) : null;
                }
                if (value is null)
                {
                    return null;
                }
                product = checked(product * value.Value);
            }
            sum = checked(sum + product);
        }
        return sum;
    }

    private void CollectSymbols(SortedSet<string> names)
    {
        foreach (var term in _terms)
        {
            foreach (var atom in term.Monomial.Factors)
            {
                if (atom is SymbolAtom s)
                {
                    names.Add(s.Name);
                }
                else
                {
                    ((FloorAtom)atom).Numerator.CollectSymbols(names);
                }
            }
        }
    }

    /// <summary>One coefficient times one monomial.</summary>
    internal readonly struct Term
    {
        public Term(Monomial monomial, long coefficient)
        {
            Monomial = monomial;
            Coefficient = coefficient;
        }

        public Monomial Monomial { get; }

        public long Coefficient { get; }
    }

    /// <summary>Collects terms by monomial, then emits them in canonical order without zero coefficients.</summary>
    private sealed class Accumulator
    {
        private readonly Dictionary<Monomial, long> _coefficients = new Dictionary<Monomial, long>();

        public void Add(Monomial monomial, long coefficient)
        {
            if (coefficient == 0)
            {
                return;
            }
            _coefficients[monomial] = _coefficients.TryGetValue(monomial, out long existing)
                ? checked(existing + coefficient)
                : coefficient;
        }

        public void Add(Dim value, long scale = 1)
        {
            foreach (var term in value._terms)
            {
                Add(term.Monomial, checked(term.Coefficient * scale));
            }
        }

        public Dim ToDim()
        {
            var terms = new List<Term>(_coefficients.Count);
            foreach (var pair in _coefficients)
            {
                if (pair.Value != 0)
                {
                    terms.Add(new Term(pair.Key, pair.Value));
                }
            }
            if (terms.Count == 0)
            {
                return Zero;
            }
            terms.Sort((x, y) => Monomial.CompareGradedLex(y.Monomial, x.Monomial));
            return new Dim(terms.ToArray());
        }
    }
}
