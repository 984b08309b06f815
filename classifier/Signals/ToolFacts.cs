using Catalog.Data.Model;

namespace Catalog.Classifier.Signals;

/// <summary>
/// Everything the rules read about one tool, computed once: the rules share these instead of re-parsing the
/// definition, which is what keeps a call in the microseconds.
/// </summary>
internal sealed class ToolFacts
{
    // Descriptions are untrusted and can be megabytes; the signal is in the opening paragraphs.
    private const int MaxDescription = 4000;

    public ToolFacts(ToolInput input, bool ignoreAnnotations)
    {
        var tool = input.Tool;
        Name = tool.Name;
        NameTokens = NameTokenizer.Split(tool.Name, _nameRanges);
        Title = tool.Title ?? tool.Annotations?.Title ?? "";
        TitleTokens = NameTokenizer.Split(Title, _titleRanges);
        var description = tool.Description ?? "";
        Description = description.Length > MaxDescription ? description[..MaxDescription] : description;
        DescriptionLower = LowerCase.Of(Description);
        DescriptionWords = TextWords.Split(DescriptionLower);
        FirstSentenceEnd = TextWords.FirstSentenceEnd(Description);
        FirstSentenceWordCount = CountWordsBefore(DescriptionWords, FirstSentenceEnd);
        Properties = SchemaReader.Read(tool.InputSchema);
        Annotations = ignoreAnnotations ? null : tool.Annotations;
        AnnotationsRead = !ignoreAnnotations;
        MentionsSql = AnySql(NameTokens, DescriptionWords, Properties);
    }

    private static readonly HashSet<string> SqlWords = new(StringComparer.Ordinal)
    {
        "sql", "psql", "pg", "postgres", "postgresql", "mysql", "sqlite", "mssql", "tsql", "plsql", "ddl", "dml", "bigquery",
        "snowflake", "clickhouse", "duckdb", "mariadb", "oracle",
    };

    private string[]? _firstSentenceTexts;

    private static bool AnySql(List<string> name, List<TextWord> words, List<SchemaProperty> properties)
    {
        foreach (var t in name) if (SqlWords.Contains(t)) return true;
        foreach (var w in words) if (SqlWords.Contains(w.Text)) return true;
        foreach (var p in properties) foreach (var t in p.Tokens) if (t == "sql") return true;
        return false;
    }

    /// <summary>The tool talks about SQL somewhere, so "query" is a SQL statement rather than a search string.</summary>
    public bool MentionsSql { get; }

    private readonly List<Range> _nameRanges = [];
    private readonly List<Range> _titleRanges = [];

    public string Name { get; }
    public string Title { get; }
    // Lists rather than IReadOnlyList: a foreach over an interface allocates its enumerator, on every rule and tool.
    public List<string> NameTokens { get; }
    public List<string> TitleTokens { get; }
    public string Description { get; }
    public string DescriptionLower { get; }
    public List<TextWord> DescriptionWords { get; }

    /// <summary>Index in <see cref="Description"/> where the first sentence ends.</summary>
    public int FirstSentenceEnd { get; }

    /// <summary>How many of <see cref="DescriptionWords"/> start before <see cref="FirstSentenceEnd"/>.</summary>
    public int FirstSentenceWordCount { get; }

    /// <summary>The lower-case texts of the first sentence's words, made on first use.</summary>
    public IReadOnlyList<string> FirstSentenceTexts => _firstSentenceTexts ??= FirstSentenceWordTexts();

    public List<SchemaProperty> Properties { get; }

    /// <summary>Null when the tool has none or the options say to ignore them.</summary>
    public ToolAnnotations? Annotations { get; }

    /// <summary>False when the options said to ignore annotations: then their absence means nothing.</summary>
    public bool AnnotationsRead { get; }

    public bool HasDescription => DescriptionWords.Count > 0;

    private static int CountWordsBefore(List<TextWord> words, int end)
    {
        var count = 0;
        while (count < words.Count && words[count].Start < end) count++;
        return count;
    }

    private string[] FirstSentenceWordTexts()
    {
        var texts = new string[FirstSentenceWordCount];
        for (var i = 0; i < texts.Length; i++) texts[i] = DescriptionWords[i].Text;
        return texts;
    }

    public SchemaProperty? Property(Func<SchemaProperty, bool> predicate)
    {
        foreach (var p in Properties) if (predicate(p)) return p;
        return null;
    }

    /// <summary>The exact text of name (or title) words <paramref name="first"/>..<paramref name="last"/>.</summary>
    public string QuoteName(bool title, int first, int last)
    {
        var (text, ranges) = title ? (Title, _titleRanges) : (Name, _nameRanges);
        last = Math.Min(last, ranges.Count - 1);
        return text[ranges[first].Start.Value..ranges[last].End.Value];
    }

    /// <summary>The original description text of a span, for quoting exactly.</summary>
    public string Quote(int start, int length) => Description.Substring(start, Math.Min(length, Description.Length - start));

    /// <summary>
    /// Ordinal position of a lower-case phrase in the description at word boundaries, or -1. A <paramref name="prefix"/>
    /// phrase may end mid-word, so "irreversib" finds "irreversible" and "irreversibly".
    /// </summary>
    public int FindPhrase(string phrase, bool prefix = false, int from = 0)
    {
        var text = DescriptionLower;
        while (from < text.Length)
        {
            var i = text.IndexOf(phrase, from, StringComparison.Ordinal);
            if (i < 0) return -1;
            var startOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + phrase.Length;
            if (prefix) while (end < text.Length && char.IsLetter(text[end])) end++;
            var endOk = end >= text.Length || !char.IsLetterOrDigit(text[end]) && !Identifier(text, end);
            if (startOk && endOk) return i;
            from = i + 1;
        }
        return -1;
    }

    // "delete_email", "delete-planner-bucket": the phrase runs into another tool's name, which is not a statement.
    private static bool Identifier(string text, int at) =>
        text[at] is '_' or '-' && at + 1 < text.Length && char.IsLetterOrDigit(text[at + 1]);
}
