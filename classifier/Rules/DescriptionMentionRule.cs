using Catalog.Classifier.Lexicon;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// Destructive verbs anywhere in the description ("…can also drop indexes"). Weak on their own — a description
/// mentions what a tool does not do as well — but they add up with a manage-style name or an operation list.
/// </summary>
internal sealed class DescriptionMentionRule : IRule
{
    private const double Weight = 0.4;

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "delete", "remove", "drop", "purge", "destroy", "terminate", "revoke", "wipe", "truncate", "uninstall", "kill",
        "erase", "overwrite",
    };

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "never", "without", "cannot", "can't", "won't", "doesn't", "don't", "no", "nor", "avoid", "prevent",
    };

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        var words = facts.DescriptionWords;
        HashSet<string>? seen = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (!VerbLexicon.TryGet(words[i].Text, out var sense) || !Verbs.Contains(sense.Verb)) continue;
            // The opening verb is the description-verb rule's; "remove X from Y" detaches rather than deletes.
            if (i == 0 || Negated(words, i) || Detaches(words, i) || !(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(sense.Verb)) continue;
            var w = words[i];
            sink.For(Category.Destructive, SignalIds.DescriptionMention, Sources.Description, facts.Quote(w.Start, w.Length),
                Weight, "mentions removing data");
        }
    }

    private static bool Detaches(IReadOnlyList<TextWord> words, int i)
    {
        for (var k = i + 1; k < words.Count && k <= i + 4; k++) if (words[k].Text == "from") return true;
        return false;
    }

    private static bool Negated(IReadOnlyList<TextWord> words, int i)
    {
        for (var k = Math.Max(0, i - 3); k < i; k++) if (Negations.Contains(words[k].Text)) return true;
        return false;
    }
}
