namespace ModelGen.Shapes;

/// <summary>What can be proved about two <see cref="Dim"/> values without knowing their symbols.</summary>
public enum DimRelation
{
    /// <summary>Equal for every value of the symbols: the canonical forms are the same.</summary>
    Equal,

    /// <summary>Different for every value of the symbols: the difference is a non-zero constant.</summary>
    NotEqual,

    /// <summary>Neither could be proved: equality depends on the symbols' values.</summary>
    Unknown,
}
