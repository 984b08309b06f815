using System.Buffers;
using System.Text.RegularExpressions;
using Catalog.Classifier.Decision;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Findings;

/// <summary>
/// Instructions aimed at the model rather than the user: <c>&lt;IMPORTANT&gt;</c>-style blocks, "ignore previous
/// instructions", "do not tell the user". These are the tool-poisoning patterns scanners report.
/// </summary>
internal sealed class PromptInjectionCheck : IFindingCheck
{
    private static readonly Regex InjectionPattern = new(
        @"<\s*/?\s*(important|system|secret|hidden)\s*>" +
        @"|\bignore\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier|other)\s+(instructions|prompts|messages|rules)" +
        @"|\b(do\s+not|don't|never)\s+(tell|inform|mention|reveal|show|notify)\s+(this\s+)?(to\s+)?the\s+user" +
        @"|\bwithout\s+(telling|informing|notifying|alerting)\s+the\s+user" +
        @"|\b(read|cat|open|send|include|upload|attach|copy|pass)\b[^.\n]{0,40}(~/\.|\bid_(rsa|ed25519|ecdsa)\b|/etc/(passwd|shadow)|\.ssh/|mcp\.json|\.aws/credentials)",
        FindingPatterns.Linear);

    // Every pattern needs an angle bracket or one of these words; most descriptions have none, and one vectorised
    // pass over the lower-cased description finds whether any is there. (With the one-character "<" among them the
    // search could not be vectorised; it is looked for on its own.)
    private static readonly SearchValues<string> RequiredWords = SearchValues.Create(
        ["ignore", " user", "~/", "id_", ".ssh", "/etc/", "mcp.json", ".aws"], StringComparison.Ordinal);

    public void Check(ToolFacts facts, Verdict verdict, IReadOnlyList<string> tags, List<Finding> findings)
    {
        var text = facts.DescriptionLower;
        if (!facts.HasDescription || !text.Contains('<') && text.AsSpan().IndexOfAny(RequiredWords) < 0) return;
        var match = InjectionPattern.Match(facts.Description);
        if (!match.Success) return;
        findings.Add(new Finding("prompt-injection", FindingSeverity.High, match.Value,
            $"The description carries instructions aimed at the model (\"{QuoteText.Of(match.Value)}\"), the tool-poisoning pattern."));
    }
}
