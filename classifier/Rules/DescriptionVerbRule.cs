using Catalog.Classifier.Lexicon;
using Catalog.Classifier.Signals;

namespace Catalog.Classifier.Rules;

/// <summary>
/// The verb a description opens with ("Deletes a branch…", "Create, update or delete records") — the author's own
/// statement of what the tool does, which LABELING.md lets overrule the name.
/// </summary>
internal sealed class DescriptionVerbRule : IRule
{
    // The action is stated early: "Use this tool to delete…" puts it at word five.
    private const int LeadWords = 8;

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        var words = facts.DescriptionWords;
        var count = facts.FirstSentenceWordCount;
        for (var i = 0; i < count && i < LeadWords; i++)
        {
            if (!VerbLexicon.TryGet(words[i].Text, out var sense) || sense.NounLike && i > 0) continue;
            // Mid-sentence, "following" and "running" are participles, not the tool's action.
            if (i > 0 && words[i].Text.EndsWith("ing", StringComparison.Ordinal) && words[i].Text != sense.Verb) continue;
            Emit(facts, sink, i, sense);
            // "Create, update or delete": every verb of the opening list counts, so the worst one is seen.
            // Only verbs joined by "or", "and", a comma or a slash; "List pull requests" is one verb and a noun.
            for (var j = i + 1; j < count && j <= i + 6; j++)
            {
                var w = words[j].Text;
                if (w is "or" or "and") continue;
                var joined = words[j - 1].Text is "or" or "and" || Separated(facts.Description, words[j - 1], words[j]);
                if (!joined || !VerbLexicon.TryGet(w, out var next) || next.NounLike) break;
                Emit(facts, sink, j, next);
            }
            return;
        }
    }

    // The verb is read against the first sentence only: a later sentence is about something else.
    private static void Emit(ToolFacts facts, EvidenceSink sink, int i, VerbSense sense)
    {
        var reading = VerbContext.Read(sense, facts.FirstSentenceTexts, i, facts.MentionsSql, inName: false);
        if (reading.Weight <= 0) return;
        var words = facts.DescriptionWords;
        var last = words[Math.Min(facts.FirstSentenceWordCount - 1, i + 2)];
        var quote = facts.Quote(words[i].Start, last.Start + last.Length - words[i].Start);
        sink.For(reading.Category, SignalIds.DescriptionVerb, Sources.Description, quote, reading.Weight, reading.Why, verb: sense.Verb,
            contextual: reading.Category != sense.Category);
        if (reading.Tag is { } tag) sink.Tag(tag, Sources.Description, quote, 0.8);
        if (reading.AlsoDestructive > 0)
            sink.For(Data.Model.Category.Destructive, SignalIds.DescriptionVerb, Sources.Description, quote,
                reading.AlsoDestructive, "may delete as one of its operations");
    }

    private static bool Separated(string text, TextWord a, TextWord b)
    {
        for (var k = a.Start + a.Length; k < b.Start; k++) if (text[k] is ',' or '/') return true;
        return false;
    }
}
