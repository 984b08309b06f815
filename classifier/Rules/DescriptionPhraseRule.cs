using System.Buffers;
using Catalog.Classifier.Lexicon;
using Catalog.Classifier.Signals;

namespace Catalog.Classifier.Rules;

/// <summary>Phrases in the description that state an effect outright: "cannot be undone", "shell command", "read-only".</summary>
internal sealed class DescriptionPhraseRule : IRule
{
    // One multi-string search over the description tells whether any phrase occurs at all; most descriptions
    // contain none, and then the per-phrase loop is skipped.
    private static readonly SearchValues<string> Any = SearchValues.Create(Phrases.All.Select(p => p.Text).ToArray(), StringComparison.Ordinal);

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        if (!facts.HasDescription) return;
        var first = facts.DescriptionLower.AsSpan().IndexOfAny(Any);
        if (first < 0) return;
        foreach (var phrase in Phrases.All)
        {
            var at = facts.FindPhrase(phrase.Text, phrase.Prefix);
            while (at >= 0 && phrase.ReadOnly && Negated(facts.DescriptionLower, at))
                at = facts.FindPhrase(phrase.Text, phrase.Prefix, at + 1);
            if (at < 0) continue;

            var quote = facts.Quote(at, QuoteLength(facts.DescriptionLower, at, phrase.Text.Length));
            if (phrase.Category is { } category)
            {
                var signal = phrase.ReadOnly ? SignalIds.ReadOnlyClaim : SignalIds.DescriptionPhrase;
                sink.For(category, signal, Sources.Description, quote, phrase.Weight, phrase.Why);
            }
            if (phrase.Tag is { } tag) sink.Tag(tag, Sources.Description, quote, phrase.Weight);
        }
    }

    // "not read-only", "non-read-only", "isn't read only" say the opposite.
    private static bool Negated(string text, int at)
    {
        var from = Math.Max(0, at - 8);
        var before = text.AsSpan(from, at - from);
        return before.EndsWith("not ") || before.EndsWith("non-") || before.EndsWith("isn't ") || before.EndsWith("no ");
    }

    // Extend a stem to the end of its word so the quote is a whole word ("irreversib" → "irreversible").
    private static int QuoteLength(string text, int at, int length)
    {
        var end = at + length;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return end - at;
    }
}
