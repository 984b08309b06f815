using Catalog.Classifier.Lexicon;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// Multiplexed tools: an <c>action</c>/<c>operation</c>/<c>method</c> enum selects among operations. Each verb value
/// gets its own category, and the tool takes the worst (LABELING.md tie-break). Status enums ("completed",
/// "paused") are not verbs and are ignored — PolicyLayer took them for tools.
/// </summary>
internal sealed class OperationEnumRule : IRule
{
    private static readonly HashSet<string> Selectors = new(StringComparer.Ordinal)
    {
        "action", "operation", "method", "command", "mode", "op", "operationtype", "actiontype", "subcommand", "verb",
    };

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        foreach (var p in facts.Properties)
        {
            if (p.Depth > 0 || !Selectors.ContainsJoined(p.Tokens)) continue;
            var values = p.Enum.Count > 0 ? p.Enum : DeclaredValues(facts.DescriptionLower, p.Name.ToLowerInvariant());
            if (values.Count < 2) continue;

            var readings = new List<(string Value, VerbReading Reading)>(values.Count);
            foreach (var value in values)
            {
                if (Classify(value, facts) is { } reading) readings.Add((value, reading));
            }
            // Most values must be verbs, otherwise this is a mode switch ("json" / "text"), not a list of operations.
            if (readings.Count < 2 || readings.Count * 2 < values.Count) continue;

            foreach (var (value, reading) in readings) sink.Operation(new OperationClass(p.Name, value, reading.Category));
            var worst = readings.MaxBy(r => ((int)r.Reading.Category, r.Reading.Weight));
            sink.For(worst.Reading.Category, SignalIds.OperationEnum, Sources.Schema, $"{p.Name}: {worst.Value}",
                Math.Max(0.7, worst.Reading.Weight), $"offers an operation that {worst.Reading.Why}");
            if (worst.Reading.Tag is { } tag) sink.Tag(tag, Sources.Schema, $"{p.Name}: {worst.Value}", 0.7);
        }
    }

    /// <summary>
    /// Values a description names for a selector without an enum: <c>operation="reset_stats"</c>,
    /// <c>action='delete'</c>. The author lists the operations in prose; they are as real as an enum.
    /// </summary>
    internal static IReadOnlyList<string> DeclaredValues(string description, string name)
    {
        List<string>? values = null;
        for (var at = description.IndexOf(name, StringComparison.Ordinal); at >= 0; at = description.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && (char.IsLetterOrDigit(description[at - 1]) || description[at - 1] == '_')) continue;
            var i = at + name.Length;
            while (i < description.Length && description[i] == ' ') i++;
            if (i >= description.Length || description[i] is not ('=' or ':')) continue;
            i++;
            while (i < description.Length && description[i] == ' ') i++;
            if (i >= description.Length || description[i] is not ('"' or '\'')) continue;
            var quote = description[i];
            var end = description.IndexOf(quote, i + 1);
            if (end < 0 || end - i - 1 is < 1 or > 40) continue;
            var value = description.Substring(i + 1, end - i - 1);
            if (value.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '-' or '/'))) continue;
            values ??= [];
            if (!values.Contains(value)) values.Add(value);
        }
        return values ?? (IReadOnlyList<string>)[];
    }

    private static VerbReading? Classify(string value, ToolFacts facts)
    {
        switch (value.ToUpperInvariant())
        {
            case "GET" or "HEAD" or "OPTIONS": return new(Category.Read, 0.7, null, "reads");
            case "POST" or "PUT" or "PATCH": return new(Category.Write, 0.7, null, "writes");
        }
        var tokens = NameTokenizer.Split(value);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!VerbLexicon.TryGet(tokens[i], out var sense)) continue;
            // "remove" on manage_work_item_link removes a link: the tool's name supplies the object the value omits.
            var context = tokens.Count == 1 ? [.. tokens, .. facts.NameTokens] : tokens;
            var reading = VerbContext.Read(sense, context, i, facts.MentionsSql, inName: true);
            return reading.Weight > 0 ? reading : null;
        }
        return null;
    }
}
