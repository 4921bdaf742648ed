using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace ModelGen.Shapes;

/// <summary>An immutable tensor shape of symbolic dimensions, outermost first, such as <c>[N, 1, 28, 28]</c>.</summary>
public sealed class Shape : IEquatable<Shape>
{
    private readonly Dim[] _dims;
    private readonly int _hash;

    private Shape(Dim[] dims)
    {
        _dims = dims;
        int hash = 0x5A9E;
        foreach (var dim in dims)
        {
            hash = StableHash.Combine(hash, dim.GetHashCode());
        }
        _hash = hash;
        Dims = new ReadOnlyCollection<Dim>(dims);
    }

    /// <summary>The dimensions, outermost first.</summary>
    public IReadOnlyList<Dim> Dims { get; }

    /// <summary>The number of dimensions (0 for a scalar).</summary>
    public int Rank => _dims.Length;

    /// <summary>The dimension at <paramref name="i"/> (0-based, non-negative).</summary>
    public Dim this[int i] => _dims[i];

    /// <summary>A shape of the given dimensions; no dimensions is a scalar.</summary>
    /// <exception cref="ArgumentNullException">The array or one of its elements is null.</exception>
    public static Shape Of(params Dim[] dims)
    {
        if (dims is null)
        {
            throw new ArgumentNullException(nameof(dims));
        }
        return Of((IReadOnlyList<Dim>)dims);
    }

    /// <summary>A shape of the given dimensions (copied).</summary>
    /// <exception cref="ArgumentNullException">The list or one of its elements is null.</exception>
    public static Shape Of(IReadOnlyList<Dim> dims)
    {
        if (dims is null)
        {
            throw new ArgumentNullException(nameof(dims));
        }
        var copy = new Dim[dims.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = dims[i] ?? throw new ArgumentNullException(nameof(dims), $"Dimension {i} is null.");
        }
        return new Shape(copy);
    }

    /// <summary>The shape of a scalar: rank 0, <c>[]</c>.</summary>
    public static Shape Scalar { get; } = new Shape(Array.Empty<Dim>());

    /// <summary>A shape of constant dimensions, such as the shape of a concrete tensor.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sizes"/> is null.</exception>
    public static Shape OfSizes(IEnumerable<long> sizes)
    {
        if (sizes is null)
        {
            throw new ArgumentNullException(nameof(sizes));
        }
        var dims = new List<Dim>();
        foreach (long size in sizes)
        {
            dims.Add(Dim.Const(size));
        }
        return new Shape(dims.ToArray());
    }

    /// <summary>The number of elements: the product of the dimensions (1 for a scalar).</summary>
    public Dim NumElements()
    {
        Dim product = Dim.One;
        foreach (var dim in _dims)
        {
            product *= dim;
        }
        return product;
    }

    /// <summary>Every dimension with symbols replaced (see <see cref="Dim.Substitute"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public Shape Substitute(IReadOnlyDictionary<string, Dim> values)
    {
        var dims = new Dim[_dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = _dims[i].Substitute(values);
        }
        return new Shape(dims);
    }

    /// <summary>The concrete sizes, or null when a dimension has an unbound symbol (see <see cref="Dim.Evaluate"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public long[]? Evaluate(IReadOnlyDictionary<string, long> values)
    {
        var sizes = new long[_dims.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            var size = _dims[i].Evaluate(values);
            if (size is null)
            {
                return null;
            }
            sizes[i] = size.Value;
        }
        return sizes;
    }

    /// <summary>The dimensions' text between brackets, such as <c>[N, 1, 28, 28]</c>; <c>[]</c> for a scalar.</summary>
    public override string ToString() => "[" + string.Join(", ", (IEnumerable<Dim>)_dims) + "]";

    /// <summary>Same rank and structurally equal dimensions.</summary>
    public bool Equals(Shape? other)
    {
        if (other is null)
        {
            return false;
        }
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other._hash != _hash || other._dims.Length != _dims.Length)
        {
            return false;
        }
        for (int i = 0; i < _dims.Length; i++)
        {
            if (!_dims[i].Equals(other._dims[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc cref="Equals(Shape)"/>
    public override bool Equals(object? obj) => obj is Shape s && Equals(s);

    /// <summary>A hash of the dimensions that is the same in every process.</summary>
    public override int GetHashCode() => _hash;

    /// <summary>Structural equality; null equals only null.</summary>
    public static bool operator ==(Shape? a, Shape? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Structural inequality; null equals only null.</summary>
    public static bool operator !=(Shape? a, Shape? b) => !(a == b);
}
