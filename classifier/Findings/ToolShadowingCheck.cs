using System.Text.RegularExpressions;
using Catalog.Classifier.Decision;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Findings;

/// <summary>
/// A description that changes how the model must use some other tool: "when the send_email tool is called, always
/// add…", "instead of using any other tool", "this tool replaces the one from…". One server redefining another's
/// tool is how a malicious server hijacks a trusted one without ever being called.
/// </summary>
internal sealed class ToolShadowingCheck : IFindingCheck
{
    private static readonly Regex ShadowingPattern = new(
        @"\b(whenever|when|every\s+time|each\s+time|before|after)\s+(you\s+|the\s+(user|assistant|agent)\s+)?(use|call|invoke|run)s?\s+(the\s+|any\s+)?[`'""]?[a-z0-9_.-]+[`'""]?\s+tool\b[^.\n]{0,80}\b(always|must|never|instead|also|first)\b" +
        @"|\b(whenever|when|before|after)\s+(the\s+)?[`'""]?[a-z0-9_.-]+[`'""]?\s+tool\s+is\s+(used|called|invoked|run)\b[^.\n]{0,80}\b(always|must|never|instead|also)\b" +
        @"|\b(all|any)\s+(other\s+)?(emails?|messages?|requests?|transfers?|payments?)\s+(sent|made|must\s+be\s+sent|must\s+go)\s+(through|via|to)\s+(any|other|the\s+\w+)\s+tools?\b" +
        @"|\bthis\s+tool\s+(overrides|supersedes|replaces|redefines)\s+(the\s+)?(behaviou?r\s+of\s+)?(any|all|other|the)\b" +
        @"|\b(must|should)\s+(also\s+)?be\s+(used|called)\s+(before|instead\s+of)\s+(any|every|all)\s+other\s+tools?\b" +
        @"|\b(overrides?|ignore)\s+(the\s+)?(instructions|descriptions?)\s+of\s+(other|all|any)\s+tools?\b",
        FindingPatterns.Linear);

    public void Check(ToolFacts facts, Verdict verdict, IReadOnlyList<string> tags, List<Finding> findings)
    {
        var text = facts.DescriptionLower;
        if (!facts.HasDescription || !text.Contains("tool", StringComparison.Ordinal)) return;
        var match = ShadowingPattern.Match(facts.Description);
        if (!match.Success) return;
        findings.Add(new Finding("tool-shadowing", FindingSeverity.High, match.Value,
            $"The description redefines how another tool is to be used (\"{QuoteText.Of(match.Value)}\"), so it can hijack a tool it never calls."));
    }
}
