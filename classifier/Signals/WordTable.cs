using Catalog.Classifier.Lexicon;

namespace Catalog.Classifier.Signals;

/// <summary>
/// Every word the lexicons know, plus common English and schema words, held once. Tokenizers look a span up here
/// (no allocation) and only allocate a string for a word the table does not hold. Read-only after start-up, so
/// safe across threads.
/// </summary>
internal static class WordTable
{
    private const string Common =
        "a an the and or of to in on for with by from as at is are be was were it its this that these those if not no " +
        "id ids name names type types value values text title description content data file files path paths url " +
        "query key keys user users project projects page pages item items list lists limit offset cursor token " +
        "status state options option config settings message messages email channel repo repository branch issue " +
        "issues comment comments task tasks event events table tables database record records field fields format " +
        "json string number integer boolean array object default optional required true false returns return when " +
        "can will use used using all any each other new existing specific given current set you your their " +
        "mcp server api tool tools account workspace team org organization owner version size count time date";

    private static readonly Dictionary<string, string> Table = Build();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The held string for <paramref name="word"/>, or a new one when the table does not hold it.</summary>
    public static string Get(ReadOnlySpan<char> word) =>
        Lookup.TryGetValue(word, out var held) ? held : new string(word);

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string w) => table.TryAdd(w, w);
        foreach (var w in VerbLexicon.AllForms) Add(w);
        foreach (var set in Nouns.AllSets) foreach (var w in set) Add(w);
        foreach (var w in Common.Split(' ', StringSplitOptions.RemoveEmptyEntries)) Add(w);
        return table;
    }
}
