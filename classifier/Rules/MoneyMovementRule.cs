using Catalog.Classifier.Lexicon;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// A money verb followed closely by an amount or a currency anywhere in the description ("Pay $29 USDC",
/// "transfers 10 ETH"): money leaves, and the agent cannot take it back (LABELING.md: Destructive, financial).
/// </summary>
internal sealed class MoneyMovementRule : IRule
{
    private const int Reach = 4;

    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal)
    {
        "usdc", "usdt", "eth", "btc", "sol", "usd", "eur", "gbp", "dollars", "euros", "funds", "money", "sats", "dai",
    };

    private const int LeadWords = 6;

    private static bool StartsSentence(string text, int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            if (char.IsWhiteSpace(text[k])) continue;
            return text[k] is '.' or '!' or '?' or ':' or '-' or '*';
        }
        return true;
    }

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        var words = facts.DescriptionWords;
        for (var i = 0; i < words.Count; i++)
        {
            if (!VerbLexicon.TryGet(words[i].Text, out var sense) || sense.Kind != VerbKind.Money || sense.Verb == "place") continue;
            // Only the tool's own action: an imperative opening a sentence ("Pay $29 USDC") or the opening words.
            // "Each search refunds 1 credit" describes billing, not what the tool does.
            if (i >= LeadWords && !StartsSentence(facts.Description, words[i].Start)) continue;
            for (var k = i + 1; k < words.Count && k <= i + Reach; k++)
            {
                var w = words[k].Text;
                if (!char.IsDigit(w[0]) && !Currencies.Contains(w)) continue;
                var quote = facts.Quote(words[i].Start, words[k].Start + words[k].Length - words[i].Start);
                sink.For(Category.Destructive, SignalIds.DescriptionPhrase, Sources.Description, quote, 0.8,
                    "moves money out, which the agent cannot take back");
                sink.Tag(CapabilityTags.Financial, Sources.Description, quote, 0.8);
                return;
            }
        }
    }
}
