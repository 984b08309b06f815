using Catalog.Classifier.Lexicon;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// The verbs in the tool's name (and title). The first verb is the tool's main action; later verbs still count, a
/// little weaker, so <c>get_or_create_label</c> is a write and <c>identity_create_api_key_provider</c> a create.
/// </summary>
internal sealed class NameVerbRule : IRule
{
    private const double LaterVerbFactor = 0.8;
    private const double TitleFactor = 0.85;

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        Scan(facts, sink, title: false, 1.0);
        if (!facts.TitleTokens.SequenceEqual(facts.NameTokens)) Scan(facts, sink, title: true, TitleFactor);
    }

    private static void Scan(ToolFacts facts, EvidenceSink sink, bool title, double factor)
    {
        var tokens = title ? facts.TitleTokens : facts.NameTokens;
        var (signal, source) = title ? (SignalIds.TitleVerb, Sources.Title) : (SignalIds.NameVerb, Sources.Name);
        var seenVerb = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!VerbLexicon.TryGet(tokens[i], out var sense)) continue;
            // "post", "list", "order" are nouns as often as verbs: only the leading one is the action.
            if (sense.NounLike && (seenVerb || i > 1 || tokens[i] != sense.Verb)) continue;
            // Past the first word, "updates", "commits", "watching" are nouns, and "pull request" is a thing.
            if (i > 0 && tokens[i] != sense.Verb) continue;
            if (i + 1 < tokens.Count && tokens[i + 1] is "request" or "requests" && i > 0) continue;

            var reading = VerbContext.Read(sense, tokens, i, facts.MentionsSql, inName: true);
            if (reading.Weight <= 0) continue;
            var weight = reading.Weight * factor * (seenVerb ? LaterVerbFactor : 1.0);
            var span = facts.QuoteName(title, i, i + 1);
            sink.For(reading.Category, signal, source, span, weight, reading.Why, primary: !seenVerb, verb: sense.Verb,
                contextual: reading.Category != sense.Category);
            if (reading.Tag is { } tag) sink.Tag(tag, source, span, 0.8 * factor);
            if (reading.AlsoDestructive > 0)
                sink.For(Category.Destructive, signal, source, span, reading.AlsoDestructive * factor, "may delete as one of its operations");
            seenVerb = true;
        }
    }
}
