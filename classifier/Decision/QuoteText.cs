using System.Text;
using System.Text.RegularExpressions;

namespace Catalog.Classifier.Decision;

/// <summary>
/// Makes a span of hostile text safe to quote inside a generated sentence: one line, short, no sentence ends, and no
/// risk-level words — a rationale names exactly one risk class, its own, so a description that says "high-level"
/// must not smuggle in another.
/// </summary>
internal static partial class QuoteText
{
    private const int MaxLength = 60;

    [GeneratedRegex(@"\b(low|medium|high|critical)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex RiskWord();

    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create(".!?:,;");

    public static string Of(string text) => IsQuotable(text) ? text : Clean(text);

    // Most quotes are a short name or phrase that needs no change: no more than MaxLength characters, spaces only
    // single and inside, no control characters, quote marks, sentence marks or risk words. Clean returns such a
    // text unchanged, so it is quoted as it is, without a copy.
    private static bool IsQuotable(string text)
    {
        if (text.Length > MaxLength) return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (i == 0 || i == text.Length - 1 || text[i - 1] == ' ') return false;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '`')
            {
                return false;
            }
        }
        return text.AsSpan().IndexOfAny(SentenceMarks) < 0 && !RiskWord().IsMatch(text);
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
        var space = false;
        foreach (var c in text)
        {
            if (sb.Length >= MaxLength) break;
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '`')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        var s = sb.ToString();
        if (text.Length > s.Length + 1 && s.Length >= MaxLength)
        {
            var cut = s.LastIndexOf(' ');
            if (cut > MaxLength / 2) s = s[..cut];
            s += "…";
        }
        // A full stop, question or exclamation mark inside a quote would end the rationale's sentence early.
        if (s.AsSpan().IndexOfAny(SentenceMarks) >= 0)
            s = s.Replace(". ", ", ").Replace("! ", ", ").Replace("? ", ", ").TrimEnd('.', '!', '?', ':', ',', ';');
        return RiskWord().IsMatch(s) ? RiskWord().Replace(s, "…") : s;
    }
}
