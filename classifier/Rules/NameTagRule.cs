using System.Collections.Frozen;
using Catalog.Classifier.Lexicon;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>Tags read off the words of the tool's name: <c>create_api_key</c> touches credentials.</summary>
internal sealed class NameTagRule : IRule
{
    // On-chain "tokens" are money, not secrets: transfer_erc20_token is financial, not credentials.
    private static readonly HashSet<string> CryptoContext = new(StringComparer.Ordinal)
    {
        "erc20", "erc721", "erc1155", "nft", "native", "spending", "metadata", "balance", "mint", "crypto", "contract", "supply",
    };

    private static readonly FrozenDictionary<string, (string Tag, double Weight)>.AlternateLookup<ReadOnlySpan<char>> PairLookup =
        TagTerms.Pairs.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        var tokens = facts.NameTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TagTerms.Words.TryGetValue(tokens[i], out var hit))
                sink.Tag(hit.Tag, Sources.Name, facts.QuoteName(false, i, i), hit.Weight);
            if (i + 1 < tokens.Count && TryGetPair(tokens[i], tokens[i + 1], out var pair))
                sink.Tag(pair.Tag, Sources.Name, facts.QuoteName(false, i, i + 1), pair.Weight);
            if (tokens[i] is "token" or "tokens" && !CryptoContext.ContainsAnyOf(tokens) && !IsCountOfTokens(facts))
                sink.Tag(CapabilityTags.Credentials, Sources.Name, facts.QuoteName(false, i, i), 0.6);
            // A database transaction commits rows, not money.
            if (tokens[i] is "transaction" or "transactions" && !facts.MentionsSql)
                sink.Tag(CapabilityTags.Financial, Sources.Name, facts.QuoteName(false, i, i), 0.6);
        }
    }

    // "api" + "key" looks up "api key" without making the string.
    private static bool TryGetPair(string first, string second, out (string Tag, double Weight) pair)
    {
        const int MaxStackLength = 64;
        var length = first.Length + 1 + second.Length;
        if (length > MaxStackLength) return TagTerms.Pairs.TryGetValue(first + " " + second, out pair);
        Span<char> key = stackalloc char[length];
        first.CopyTo(key);
        key[first.Length] = ' ';
        second.CopyTo(key[(first.Length + 1)..]);
        return PairLookup.TryGetValue(key, out pair);
    }

    // "count_tokens", "token usage" are about model tokens, not secrets.
    private static bool IsCountOfTokens(ToolFacts facts) =>
        facts.NameTokens.Any(t => t is "count" or "usage" or "estimate" or "limit" or "limits");
}
