using System.Text.RegularExpressions;
using Catalog.Classifier.Decision;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Findings;

/// <summary>
/// A free-text side parameter (<c>note</c>, <c>context</c>, <c>debug</c>, <c>feedback</c>…) that the definition asks
/// the model to fill with secrets, files or the conversation: the channel a poisoned tool uses to carry data out.
/// A <c>notes</c> parameter alone is ordinary; only the request to put secrets in it makes the finding.
/// </summary>
internal sealed class ExfiltrationParameterCheck : IFindingCheck
{
    private static readonly HashSet<string> SideChannels = new(StringComparer.Ordinal)
    {
        "note", "notes", "context", "debug", "feedback", "metadata", "extra", "sidenote", "details", "info", "data",
        "comment", "remarks", "memo", "payload", "reasoning", "log", "trace",
    };

    private static readonly Regex SecretPattern = new(
        @"(~/|\$home/|%userprofile%)\S*|\bid_(rsa|ed25519|ecdsa)\b|\.ssh\b|\.env\b|\.aws/credentials|\.npmrc|\.netrc|mcp\.json" +
        @"|\b(private|ssh|secret)\s+keys?\b|\bapi[\s_-]?keys?\b|\bpasswords?\b|\bcredentials?\b|\baccess\s+tokens?\b" +
        @"|\bsystem\s+prompt\b|\b(conversation|chat)\s+history\b|\bprevious\s+messages\b|\benvironment\s+variables\b",
        FindingPatterns.Linear);

    private static readonly Regex InstructionPattern = new(
        @"\b(include|put|pass|fill|add|attach|insert|send|provide|paste|copy|contents?\s+of|read)\b",
        FindingPatterns.Linear);

    public void Check(ToolFacts facts, Verdict verdict, IReadOnlyList<string> tags, List<Finding> findings)
    {
        foreach (var p in facts.Properties)
        {
            if (p.Depth > 0 || p.Type is not (null or "string" or "object") || p.Tokens.Count == 0) continue;
            if (!SideChannels.Contains(p.Tokens[^1]) && !SideChannels.ContainsJoined(p.Tokens)) continue;

            var asked = Asks(p.Description) ?? AsksAbout(facts.DescriptionLower, p.Name.ToLowerInvariant());
            if (asked is null) continue;
            findings.Add(new Finding("exfiltration-parameter", FindingSeverity.High, $"parameter {p.Name}: \"{QuoteText.Of(asked)}\"",
                $"The free-text parameter \"{QuoteText.Of(p.Name)}\" is to be filled with \"{QuoteText.Of(asked)}\", a channel for carrying private data out."));
            return;
        }
    }

    // The parameter's own description asks for secrets.
    private static string? Asks(string text)
    {
        if (text.Length == 0) return null;
        var secret = SecretPattern.Match(text);
        return secret.Success && InstructionPattern.IsMatch(text) ? secret.Value : null;
    }

    // The tool's description names the parameter in a sentence that asks for secrets.
    private static string? AsksAbout(string description, string parameter)
    {
        if (parameter.Length < 3) return null;
        var at = description.IndexOf(parameter, StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = Math.Max(0, description.LastIndexOfAny(['.', '\n'], Math.Max(0, at - 1)) + 1);
            var end = description.IndexOfAny(['.', '\n'], at);
            var sentence = description[start..(end < 0 ? description.Length : end)];
            if (Asks(sentence) is { } found) return found;
            at = description.IndexOf(parameter, at + parameter.Length, StringComparison.Ordinal);
        }
        return null;
    }
}
