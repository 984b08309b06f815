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
            if (p.Depth > 0 || p.Enum.Count < 2 || !Selectors.Contains(string.Concat(p.Tokens))) continue;

            var readings = new List<(string Value, VerbReading Reading)>(p.Enum.Count);
            foreach (var value in p.Enum)
            {
                if (Classify(value, facts) is { } reading) readings.Add((value, reading));
            }
            // Most values must be verbs, otherwise this is a mode switch ("json" / "text"), not a list of operations.
            if (readings.Count < 2 || readings.Count * 2 < p.Enum.Count) continue;

            foreach (var (value, reading) in readings) sink.Operation(new OperationClass(p.Name, value, reading.Category));
            var worst = readings.MaxBy(r => ((int)r.Reading.Category, r.Reading.Weight));
            sink.For(worst.Reading.Category, SignalIds.OperationEnum, Sources.Schema, $"{p.Name}: {worst.Value}",
                Math.Max(0.7, worst.Reading.Weight), $"offers an operation that {worst.Reading.Why}");
            if (worst.Reading.Tag is { } tag) sink.Tag(tag, Sources.Schema, $"{p.Name}: {worst.Value}", 0.7);
        }
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
