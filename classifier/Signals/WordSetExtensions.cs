namespace Catalog.Classifier.Signals;

/// <summary>Word-set lookups the rules make on every tool, without the delegates and strings LINQ would make.</summary>
internal static class WordSetExtensions
{
    private const int MaxStackLength = 64;

    /// <summary>Whether the set holds any of <paramref name="words"/>: <c>words.Any(set.Contains)</c>.</summary>
    public static bool ContainsAnyOf(this IReadOnlySet<string> set, IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (set.Contains(words[i])) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the set holds the tokens written as one word ("operation_type" → "operationtype"):
    /// <c>set.Contains(string.Concat(tokens))</c>, without making that string.
    /// </summary>
    public static bool ContainsJoined(this HashSet<string> set, IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 1) return set.Contains(tokens[0]);
        var length = 0;
        for (var i = 0; i < tokens.Count; i++) length += tokens[i].Length;
        if (length > MaxStackLength) return set.Contains(string.Concat(tokens));

        Span<char> joined = stackalloc char[length];
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i].CopyTo(joined[at..]);
            at += tokens[i].Length;
        }
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(joined);
    }
}
