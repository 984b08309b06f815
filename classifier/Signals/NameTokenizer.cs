namespace Catalog.Classifier.Signals;

/// <summary>
/// Splits identifiers into lower-case words: snake_case, camelCase, kebab-case, dots and slashes all separate words,
/// so <c>identity_create_api_key_provider</c>, <c>createApiKey</c> and <c>api/create-key</c> read alike.
/// </summary>
internal static class NameTokenizer
{
    public static List<string> Split(string? text) => Split(text, null);

    /// <param name="ranges">When given, receives where each word sits in <paramref name="text"/>, for exact quoting.</param>
    public static List<string> Split(string? text, List<Range>? ranges)
    {
        // Most names have two to four words; an empty title (the usual case) gets no array at all.
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = new List<string>(4);

        Span<char> buffer = stackalloc char[64];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(tokens, buffer, ref length, ranges, i);
                continue;
            }
            if (length > 0 && (IsBoundary(text, i) || length == buffer.Length)) Flush(tokens, buffer, ref length, ranges, i);
            buffer[length++] = char.ToLowerInvariant(c);
        }
        Flush(tokens, buffer, ref length, ranges, text.Length);
        return tokens;
    }

    // A word starts at lower→Upper ("createKey") and at the last capital of a run before a lower ("APIKey" → API, Key).
    // Letters and digits stay together so "erc20" and "v1" survive as one word.
    private static bool IsBoundary(string s, int i)
    {
        var c = s[i];
        var prev = s[i - 1];
        if (!char.IsUpper(c)) return false;
        if (char.IsLower(prev) || char.IsDigit(prev)) return true;
        return char.IsUpper(prev) && i + 1 < s.Length && char.IsLower(s[i + 1]);
    }

    private static void Flush(List<string> tokens, Span<char> buffer, ref int length, List<Range>? ranges, int end)
    {
        if (length == 0) return;
        tokens.Add(WordTable.Get(buffer[..length]));
        ranges?.Add(new Range(end - length, end));
        length = 0;
    }
}
