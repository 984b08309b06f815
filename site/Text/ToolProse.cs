using Catalog.Data.Model;
using Catalog.Site.Policy;
using Catalog.Site.Rendering;

namespace Catalog.Site.Text;

/// <summary>The generated paragraphs of a tool page. Each reads only the tool's own classification and policy.</summary>
public static class ToolProse
{
    public static Markup WhatItDoes(string tool, string server, Classification? c, string? description)
    {
        if (c is null) return Html.Of($"<p><code>{tool}</code> has not been classified yet, so this page shows its definition only.</p>");
        var action = c.Category switch
        {
            Category.Read => Html.Of($"an agent calls it to look something up in {server}, and the call changes nothing"),
            Category.Write => Html.Of($"each call creates or changes something in {server}, in a way the normal reverse operation can undo"),
            _ => Html.Of($"a call can delete, overwrite or otherwise change something in {server} in a way that cannot be taken back"),
        };
        var parts = new List<Markup> { Html.Of($"<p><code>{tool}</code> is a {c.Category.ToString()} tool: {action}.") };
        var tags = c.Tags.Where(CapabilityTags.IsKnown).Select(Words.TagMeaning).ToList();
        if (tags.Count > 0) parts.Add(Html.Of($" It {Words.List(tags)}."));
        var first = FirstSentence(description);
        if (first.Length > 0) parts.Add(Html.Of($" The server describes it as: “{first}”{Stop(first)}"));
        parts.Add(Html.Of($"</p>"));
        if (c.Operations.Count > 0)
        {
            var parameter = c.Operations[0].Parameter;
            var ops = c.Operations.Select(o => $"{o.Value} ({o.Category})").ToList();
            parts.Add(Html.Of($"<p>It bundles {Words.Plural(c.Operations.Count, "operation", "operations")} behind the <code>{parameter}</code> argument: {Words.List(ops)}. Its category is that of its most harmful operation.</p>"));
        }
        return Html.Join(parts);
    }

    /// <summary>
    /// The sentence that ties the class to the risk table. Null when the stored class is not what the table gives
    /// (the page then states the class without an explanation rather than contradict itself).
    /// </summary>
    public static string? RiskReason(Classification c)
    {
        if (RiskTable.Classify(c.Category, c.Tags) != c.Risk) return null;
        var highImpact = c.Tags.Where(CapabilityTags.HighImpact.Contains).ToList();
        var severe = c.Tags.Where(t => RiskTable.Severe.Contains(t) && (t != CapabilityTags.Bulk || c.Category != Category.Read)).ToList();
        var cat = c.Category.ToString();
        var risk = c.Risk.ToString();
        return RiskTable.Column(c.Category, c.Tags) switch
        {
            RiskColumn.None => $"{cat} tools with none of the sensitive capability tags are risk class {risk}.",
            RiskColumn.HighImpact when c.Category == Category.Read && c.Tags.Contains(CapabilityTags.Credentials) =>
                $"Read tools that read secrets ({CapabilityTags.Credentials}) are risk class {risk}.",
            RiskColumn.HighImpact => $"{cat} tools with a sensitive capability tag ({Words.List(highImpact)}) are risk class {risk}.",
            _ => $"{cat} tools that move money, run arbitrary code or act in bulk ({Words.List(severe)}) are risk class {risk}.",
        };
    }

    /// <summary>One sentence on what the recommended policy does to the tool, read from the policy JSON.</summary>
    public static Markup PolicySummary(ToolRule rule)
    {
        var t = rule.Tool;
        return rule.Kind switch
        {
            RuleKind.Hidden => Html.Of($"<code>{t}</code> is listed in <code>hide</code>: the gateway removes it from <code>tools/list</code> and refuses any call to it."),
            RuleKind.Blocked => Html.Of($"Every call to <code>{t}</code> is refused by a <code>deny_if</code> entry with no conditions; the agent is told “{rule.DenyIf.First(d => d.ConditionCount == 0).OnDeny ?? ""}”{Stop(rule.DenyIf.First(d => d.ConditionCount == 0).OnDeny)}"),
            RuleKind.Conditional => Html.Of($"<code>{t}</code> is allowed only when its arguments pass the policy's conditions ({Words.Plural(rule.DenyIf.Count, "deny_if entry", "deny_if entries")}, {Words.Plural(rule.RequireCount, "requirement", "requirements")}){LimitClause(rule)}."),
            RuleKind.RateLimited => Html.Of($"<code>{t}</code> stays usable but capped{LimitClause(rule)}, so an agent stuck in a loop cannot run away with it."),
            RuleKind.Allowed => Html.Of($"<code>{t}</code> is allowed without a limit (its entry under <code>tools</code> is empty)."),
            RuleKind.DeniedByDefault => Html.Of($"<code>{t}</code> is not listed under <code>tools</code>, so the policy's <code>default: \"deny\"</code> refuses it."),
            _ => Html.Of($"<code>{t}</code> is not listed under <code>tools</code>, so the policy's <code>default: \"allow\"</code> lets it through."),
        };
    }

    internal static Markup LimitClause(ToolRule rule) => rule.Limits.Count == 0
        ? Markup.Empty
        : Html.Of($": at most {Html.Join(rule.Limits.Select(l => Html.Of($"{l.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} calls per {l.Window}")), " and ")} for each grant");

    /// <summary>The full stop after a quotation, unless the quotation already ends a sentence.</summary>
    internal static string Stop(string? quoted) => quoted?.TrimEnd() is { Length: > 0 } q && q[^1] is '.' or '!' or '?' ? "" : ".";

    /// <summary>The description's first sentence as plain text, for quoting in prose.</summary>
    /// <summary>The description as one line of plain text (Markdown removed, whitespace collapsed), for lists and the search index.</summary>
    public static string OneLine(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return "";
        var plain = Rendering.MarkdownText.ToPlainText(Rendering.Html.Truncate(description, 400));
        return string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    public static string FirstSentence(string? description)
    {
        if (string.IsNullOrWhiteSpace(description)) return "";
        var text = MarkdownText.ToPlainText(description).Trim();
        var line = text.IndexOf('\n');
        if (line > 0) text = text[..line].Trim();
        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        if (stop > 0) text = text[..(stop + 1)];
        return Html.Truncate(text, 240);
    }
}
