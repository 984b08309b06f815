using Catalog.Site.Views;

namespace Catalog.Site.Search;

/// <summary>
/// The words a tool is found by. A term is lowercase ASCII letters and digits, 2 to <see cref="MaxLength"/> long
/// (longer ones are cut, as the client cuts query words). Text splits into terms at every other character (so
/// <c>_ - . /</c>, spaces and non-ASCII letters separate words) and inside camelCase (<c>readFile</c>,
/// <c>HTTPServer</c>). Each term of a tool carries the field it came from, and only its best one:
/// <list type="number">
/// <item><see cref="WholeName"/>: the tool name with everything but letters and digits dropped (<c>read_file</c> →
/// <c>readfile</c>), so the client can tell an exact name from a name prefix;</item>
/// <item><see cref="NamePart"/>: a word of the tool name;</item>
/// <item><see cref="Server"/>: a word of the server's name or slug, or the whole server name;</item>
/// <item><see cref="Other"/>: a word of a tag or of the description (at most <see cref="MaxDescriptionTerms"/> distinct
/// ones, <see cref="StopWords"/> skipped).</item>
/// </list>
/// </summary>
public static class SearchTerms
{
    public const int WholeName = 0;
    public const int NamePart = 1;
    public const int Server = 2;
    public const int Other = 3;
    public const int Fields = 4;

    public const int MaxLength = 32;

    /// <summary>Descriptions are already cut to one line of 160 characters; this keeps a wordy one from dominating.</summary>
    public const int MaxDescriptionTerms = 24;

    /// <summary>English words so common in tool descriptions that a posting list for them would only cost bytes.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "an", "and", "are", "as", "at", "be", "by", "for", "from", "if", "in", "into", "is", "it", "its", "of", "on", "or",
        "that", "the", "this", "to", "with",
    };

    /// <summary>Every term of one tool with its best field, in first-seen order.</summary>
    public static IReadOnlyList<(string Term, int Field)> Of(ToolSummary tool)
    {
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string term, int field)
        {
            if (best.TryGetValue(term, out var was)) best[term] = Math.Min(was, field);
            else
            {
                best[term] = field;
                order.Add(term);
            }
        }
        if (Whole(tool.Name) is { } whole) Add(whole, WholeName);
        foreach (var w in Words(tool.Name)) Add(w, NamePart);
        if (Whole(tool.ServerName) is { } server) Add(server, Server);
        foreach (var w in Words(tool.ServerName).Concat(Words(tool.ServerSlug))) Add(w, Server);
        foreach (var w in tool.Tags.SelectMany(Words)) Add(w, Other);
        foreach (var w in Words(tool.Description).Where(w => !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).Take(MaxDescriptionTerms)) Add(w, Other);
        return order.Select(t => (t, best[t])).ToList();
    }

    /// <summary>The words of <paramref name="text"/> as terms, in order (repeats kept).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var boundary = !char.IsAsciiLetterOrDigit(c) || (start >= 0 && i > start && CamelBreak(text, i));
            if (boundary && start >= 0)
            {
                if (Term(text[start..i]) is { } term) yield return term;
                start = -1;
            }
            if (char.IsAsciiLetterOrDigit(c) && start < 0) start = i;
        }
    }

    /// <summary>All letters and digits of <paramref name="text"/> as one term, or null when that is too short.</summary>
    public static string? Whole(string text) => Term(string.Concat(text.Where(char.IsAsciiLetterOrDigit)));

    /// <summary>The two-character key of the shard a term starts in.</summary>
    public static string Key(string term) => term[..2];

    private static string? Term(string word) =>
        word.Length < 2 ? null : word[..Math.Min(word.Length, MaxLength)].ToLowerInvariant();

    /// <summary>A word starts at an upper-case letter after a lower-case one, or before a lower-case one after capitals.</summary>
    private static bool CamelBreak(string text, int i) =>
        char.IsAsciiLetterUpper(text[i]) &&
        (char.IsAsciiLetterLower(text[i - 1]) || (char.IsAsciiLetterUpper(text[i - 1]) && i + 1 < text.Length && char.IsAsciiLetterLower(text[i + 1])));
}
