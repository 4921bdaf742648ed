namespace ModelGen.Shapes;

/// <summary>
/// Hashes that are the same in every process: string.GetHashCode is randomised per process, and
/// generator caches and test output must not depend on it.
/// </summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    public static int OfString(string text)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
            return (int)hash;
        }
    }

    public static int Combine(int seed, int value)
    {
        unchecked
        {
            return (seed * 31) + value;
        }
    }
}
