namespace Catalog.Classifier.Signals;

/// <summary>Word and sentence boundaries of free text.</summary>
internal static class TextWords
{
    public static List<TextWord> Split(string lower)
    {
        var words = new List<TextWord>(lower.Length / 6 + 1);
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            var isWord = i < lower.Length && (char.IsLetterOrDigit(lower[i]) || lower[i] == '_' ||
                (lower[i] == '\'' && start >= 0));
            if (isWord)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                words.Add(new TextWord(WordTable.Get(lower.AsSpan(start, i - start)), start, i - start));
                start = -1;
            }
        }
        return words;
    }

    /// <summary>End of the first sentence: a full stop followed by space, a blank line, or the end.</summary>
    public static int FirstSentenceEnd(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))) return i;
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n') return i;
        }
        return text.Length;
    }
}
