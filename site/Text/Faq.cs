using Catalog.Data.Model;
using Catalog.Site.Policy;
using Catalog.Site.Rendering;

namespace Catalog.Site.Text;

public sealed record FaqEntry(string Question, Markup Answer);

/// <summary>
/// The questions people ask about a tool, answered from the same classification and the same policy JSON the page
/// shows. Only real PolicyLayer fields are named: <c>hide</c>, <c>deny_if</c>/<c>conditions</c>/<c>on_deny</c>,
/// <c>limits</c> with <c>counter</c>/<c>window</c>/<c>max</c>/<c>scope</c>, <c>default</c>.
/// </summary>
public static class Faq
{
    /// <param name="serverLink">Markup of a link to the server page.</param>
    /// <param name="serverPolicyLink">Markup of a link to the server-wide policy, or empty when there is none.</param>
    public static IReadOnlyList<FaqEntry> For(string tool, string server, string serverId, Markup serverLink, Markup serverPolicyLink,
        int serverToolCount, Classification? c, ToolRule? rule, string? description)
    {
        var list = new List<FaqEntry>
        {
            new($"What does {tool} do?", ToolProse.WhatItDoes(tool, server, c, description)),
        };
        if (c is not null)
        {
            var reason = ToolProse.RiskReason(c);
            list.Add(new($"What risk class is {tool}, and why?", Html.Of(
                $"<p><code>{tool}</code> is a {c.Category.ToString()} tool in risk class {c.Risk.ToString()}, with confidence {Words.Confidence(c.Confidence)}. {reason ?? ""}</p>")));
        }
        list.Add(new($"Can I rate-limit {tool}?", RateLimit(tool, rule)));
        list.Add(new($"How do I block {tool} completely?", Block(tool, rule)));
        if (c?.Policy.Action == PolicyAction.RequireApproval)
            list.Add(new($"Can {tool} require human approval?", Approval(tool, rule)));
        if (rule is not null)
        {
            var others = rule.Default == "allow"
                ? Html.Of($"allows every tool it does not list, so the rest of {server} stays open")
                : Html.Of($"refuses every tool it does not list, so on its own it blocks the rest of {server}");
            var merge = serverPolicyLink.IsEmpty
                ? Html.Of($"List the other tools under <code>tools</code> before you apply it.")
                : Html.Of($"To cover all {Words.Plural(serverToolCount, "tool", "tools")} of {server} at once, use the {serverPolicyLink}.");
            list.Add(new($"What happens to the other tools of {server} if I apply this policy?",
                Html.Of($"<p>The policy's <code>default</code> is <code>\"{rule.Default}\"</code>: it {others}. {merge}</p>")));
        }
        list.Add(new($"Which MCP server provides {tool}?",
            Html.Of($"<p><code>{tool}</code> is provided by {serverLink} (<code>{serverId}</code>). A gateway such as PolicyLayer sits in front of that server and applies the policy to every call before it reaches the server.</p>")));
        return list;
    }

    private static Markup RateLimit(string tool, ToolRule? rule)
    {
        var how = Html.Of($"give its entry under <code>tools</code> a <code>limits</code> list with <code>counter</code> (a name you choose), <code>window</code> (<code>\"minute\"</code> or <code>\"hour\"</code>), <code>max</code> (calls per window) and <code>scope: \"grant\"</code>");
        if (rule is null) return Html.Of($"<p>No recommended policy has been generated for <code>{tool}</code> yet. In a PolicyLayer policy, {how}.</p>");
        var global = rule.AllToolsLimits.Count == 0 ? Markup.Empty
            : Html.Of($" The policy's <code>all_tools.limits</code> also count every call: {Html.Join(rule.AllToolsLimits.Select(LimitFields), "; ")}.");
        return rule.Kind switch
        {
            RuleKind.RateLimited or RuleKind.Conditional when rule.Limits.Count > 0 => Html.Of(
                $"<p>Yes — the recommended policy already does. Its rule for <code>{tool}</code> has {Html.Join(rule.Limits.Select(LimitFields), "; and ")}{ToolProse.LimitClause(rule)}. Change <code>max</code> or <code>window</code> to tune it.{global}</p>"),
            RuleKind.Hidden => Html.Of($"<p>You can, but the recommended policy does not let it be called at all: <code>{tool}</code> is listed in <code>hide</code>. To allow it with a cap instead, remove it from <code>hide</code> and {how}.{global}</p>"),
            RuleKind.Blocked => Html.Of($"<p>You can, but the recommended policy refuses every call: its <code>deny_if</code> entry has no conditions. To allow it with a cap instead, remove that <code>deny_if</code> entry and {how}.{global}</p>"),
            RuleKind.DeniedByDefault => Html.Of($"<p>You can, but the recommended policy does not list it, and its <code>default</code> is <code>\"deny\"</code>. To allow it with a cap, add it under <code>tools</code> and {how}.{global}</p>"),
            _ => Html.Of($"<p>Yes. The recommended policy lets it through without a limit; to cap it, {how}.{global}</p>"),
        };
    }

    private static Markup Block(string tool, ToolRule? rule)
    {
        var hide = Html.Of($"add <code>\"{tool}\"</code> to the policy's <code>hide</code> list: the gateway removes it from <code>tools/list</code> and refuses calls to it. To keep it visible but refuse every call, give it <code>\"deny_if\": [{{\"conditions\": [], \"on_deny\": \"…\"}}]</code>; the agent sees the <code>on_deny</code> message");
        if (rule is null) return Html.Of($"<p>In a PolicyLayer policy, {hide}.</p>");
        return rule.Kind switch
        {
            RuleKind.Hidden => Html.Of($"<p>The recommended policy already does: <code>{tool}</code> is listed in <code>hide</code>, so the gateway removes it from <code>tools/list</code> and refuses any call to it.</p>"),
            RuleKind.Blocked => Html.Of($"<p>The recommended policy already refuses every call: its <code>deny_if</code> entry has an empty <code>conditions</code> list, and the agent receives the <code>on_deny</code> message “{rule.DenyIf.First(d => d.ConditionCount == 0).OnDeny ?? ""}”{ToolProse.Stop(rule.DenyIf.First(d => d.ConditionCount == 0).OnDeny)} To remove it from the tool list as well, add it to <code>hide</code>.</p>"),
            RuleKind.DeniedByDefault => Html.Of($"<p>The recommended policy already refuses it: <code>{tool}</code> is not listed under <code>tools</code> and the <code>default</code> is <code>\"deny\"</code>. To remove it from the tool list as well, add it to <code>hide</code>.</p>"),
            _ => Html.Of($"<p>Replace its rule: {hide}.</p>"),
        };
    }

    private static Markup Approval(string tool, ToolRule? rule) => rule?.Kind switch
    {
        RuleKind.Blocked => Html.Of($"<p>The classifier recommends approval, but PolicyLayer's policy JSON has no approval field. The recommended policy therefore refuses the call with the <code>on_deny</code> message “{rule.DenyIf.First(d => d.ConditionCount == 0).OnDeny ?? ""}”; a person who approves the action runs it, or grants a policy that allows it.</p>"),
        _ => Html.Of($"<p>The classifier recommends approval, but PolicyLayer's policy JSON has no approval field. Refuse the call with a <code>deny_if</code> entry and let a person who approves the action run it.</p>"),
    };

    private static Markup LimitFields(PolicyLimit l) => Html.Of(
        $"a <code>limits</code> entry with <code>counter: \"{l.Counter}\"</code>, <code>window: \"{l.Window}\"</code>, <code>max: {l.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}</code> and <code>scope: \"{l.Scope}\"</code>");
}
