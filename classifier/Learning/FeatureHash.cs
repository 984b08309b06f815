namespace Catalog.Classifier.Learning;

/// <summary>
/// FNV-1a over UTF-16 code units: stable across processes and machines (string.GetHashCode is randomised per
/// process), allocation-free over spans, and cheap enough for the hot path.
/// </summary>
internal static class FeatureHash
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static uint Of(string text) => Of(Offset, text.AsSpan());

    public static uint Of(uint seed, ReadOnlySpan<char> text)
    {
        var h = seed;
        foreach (var c in text)
        {
            h = (h ^ (c & 0xFFu)) * Prime;
            h = (h ^ (uint)(c >> 8)) * Prime;
        }
        return h;
    }

    /// <summary>The hash of the lower-case (invariant) text, without allocating it.</summary>
    public static uint OfLower(string text)
    {
        var h = Offset;
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            h = (h ^ (c & 0xFFu)) * Prime;
            h = (h ^ (uint)(c >> 8)) * Prime;
        }
        return h;
    }

    /// <summary>A namespace seed for one feature family ("n" name token, "w" description word…).</summary>
    public static uint Seed(string family) => Of(Offset, family.AsSpan());

    /// <summary>Order-sensitive combination of two hashes, for bigrams and family/value pairs.</summary>
    public static uint Mix(uint a, uint b)
    {
        var h = a ^ (b + 0x9E3779B9u + (a << 6) + (a >> 2));
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        return h;
    }
}
