using Catalog.Site.Api;
using Catalog.Site.Output;
using Catalog.Site.Policy;
using Catalog.Site.Rendering;
using Catalog.Site.Text;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

public sealed partial class ToolPage
{
    private Markup AttacksSection()
    {
        if (C is null) return Markup.Empty;
        var items = Attacks.For(C.Category, C.Tags).Select(a => Html.Of($"<li><strong>{a.Name}.</strong> {a.Text}</li>"));
        return Section("attacks", "Attacks that exploit this kind of access", Html.Of($"<ul class=\"attacks\">{items}</ul>"));
    }

    private Markup PolicySection()
    {
        var serverPolicy = _server.Policy is null ? Markup.Empty
            : Html.Of($" The <a href=\"{_root}{SitePaths.Server(_server.Slug)}#policy\">server-wide policy</a> covers every tool of {_server.DisplayName} in one document.");
        if (_tool.Policy is not { } policy)
            return Section("policy", "Recommended policy", Html.Of($"<p class=\"muted\">No recommended policy has been generated for this tool yet.{serverPolicy}</p>"));
        var rule = Rule!;
        var why = C is null || string.IsNullOrWhiteSpace(C.Policy.Reason) ? Markup.Empty : Html.Of($"<p>Why this rule: {C.Policy.Reason}</p>");
        var defaults = policy.Default == "allow"
            ? Html.Of($"Its <code>default</code> is <code>\"allow\"</code>: tools it does not list pass through.")
            : Html.Of($"Its <code>default</code> is <code>\"deny\"</code>: applied alone, it refuses every other tool of the server.");
        return Section("policy", "Recommended policy", Html.Of($"""
            <p>This is a PolicyLayer gateway policy: the gateway sits between the agent and the server and checks every call against it. {ToolProse.PolicySummary(rule)}</p>
            {why}
            {Layout.JsonBlock("policy-json", policy.Pretty, Layout.DownloadUrl(JsonMirror.PolicyFile(policy), "json"), _tool.Slug + ".policy.json")}
            <p class="muted">{defaults}{serverPolicy}</p>
            {OtherFormats()}
            """));
    }

    private Markup OtherFormats() => Layout.OtherFormats(_formats,
        (f, content) => Layout.DownloadUrl(content, f.Extension), f => $"{_tool.Slug}.{f.Name}.{f.Extension}");

    private Markup FaqSection()
    {
        var serverLink = Html.Of($"<a href=\"{_root}{SitePaths.Server(_server.Slug)}\">{_server.DisplayName}</a>");
        var serverPolicyLink = _server.Policy is null ? Markup.Empty
            : Html.Of($"<a href=\"{_root}{SitePaths.Server(_server.Slug)}#policy\">server-wide policy</a>");
        var entries = Faq.For(Name, _server.DisplayName, _server.Server.Id, serverLink, serverPolicyLink, _siblings.Count, C,
            Rule, D.Description);
        var items = entries.Select(e => Html.Of($"<details><summary>{e.Question}</summary>\n{e.Answer}\n</details>"));
        return Section("faq", $"Questions about {Name}", Html.Join(items, "\n"));
    }

    private Markup History()
    {
        if (_history.Count == 0) return Markup.Empty;
        var items = new List<Markup>();
        for (var i = _history.Count - 1; i >= Math.Max(0, _history.Count - 10); i--)
        {
            var v = _history[i];
            var current = v.Hash == _tool.Tool.Hash ? Html.Of($" <strong>(current)</strong>") : Markup.Empty;
            var change = i == 0 ? Html.Of($"first version seen") : Diff(_history[i - 1], v);
            items.Add(Html.Of($"<li>{Dates.Day(v.FirstSeen)} · <code>{v.Hash[..Math.Min(12, v.Hash.Length)]}</code>{current} — {change}</li>"));
        }
        var intro = Html.Of($"<p>{Words.Plural(_history.Count, "version", "versions")} of this definition seen. A new version is recorded whenever the name, title, description, input schema or annotations change.</p>");
        return Section("history", "History", Html.Of($"{intro}<ul class=\"history\">{items}</ul>"));
    }

    private static Markup Diff(ToolVersion before, ToolVersion after)
    {
        if (before.Definition is not { } a || after.Definition is not { } b) return Html.Of($"definition changed");
        var changed = new List<string>();
        if (a.Title != b.Title) changed.Add("title");
        if (a.Description != b.Description) changed.Add("description");
        if (Canonical(a.InputSchema) != Canonical(b.InputSchema)) changed.Add("input schema");
        if (a.Annotations != b.Annotations) changed.Add("annotations");
        var summary = changed.Count == 0 ? "no visible change" : Words.List(changed) + " changed";
        var lines = LineDiff.Render(LineDiff.Lines(a), LineDiff.Lines(b));
        return Html.Of($"""
            {summary}
            <details><summary>What changed in the definition</summary>{lines}</details>
            """);
    }

    private static string Canonical(System.Text.Json.JsonElement? e) => e is { } v ? Data.Model.CanonicalJson.ToString(v) : "";

    private Markup OtherTools()
    {
        var others = _siblings.Count(t => t.Slug != _tool.Slug);
        if (others == 0) return Markup.Empty;
        // Categories only: naming other tools' classes here would put other risk levels on this page.
        var items = SiblingItems.GetValue(_siblings, list => list.Select(SiblingItem).ToArray());
        var shown = Enumerable.Range(0, _siblings.Count).Where(i => _siblings[i].Slug != _tool.Slug).Take(100).Select(i => items[i]);
        var more = others > 100
            ? Html.Of($"<p><a href=\"{_root}{SitePaths.Server(_server.Slug)}#tools\">All {others + 1} tools of {_server.DisplayName}</a></p>")
            : Markup.Empty;
        return Section("others", $"Other tools of {_server.DisplayName}", Html.Of($"<ul class=\"others\">{shown}</ul>{more}"));
    }

    /// <summary>A sibling's page is in the same folder, so its link is its file name.</summary>
    private static Markup SiblingItem(SiblingTool t) => Html.Of(
        $"<li><a href=\"{SitePaths.ToolFile(t.Slug)}\">{t.Name}</a> <span class=\"muted\">{t.Category ?? "not classified"}</span></li>");

    /// <summary>
    /// The sibling items are the same on every page of one server, so they are rendered once per sibling list (the
    /// generator shares one list across a server's pages) instead of once per page: n² work became n.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<SiblingTool>, Markup[]> SiblingItems = new();

    private Markup SimilarTools()
    {
        if (_similar.Count == 0 || C is null) return Markup.Empty;
        var items = _similar.Select(t => Html.Of(
            $"<li><a href=\"{_root}{SitePaths.Tool(t.ServerSlug, t.Slug)}\">{t.Name}</a> <span class=\"muted\">on</span> <a href=\"{_root}{SitePaths.Server(t.ServerSlug)}\">{t.ServerName}</a></li>"));
        return Section("similar", "Similar tools elsewhere", Html.Of($"<p>{C.Category.ToString()} tools on other servers whose names start with the same verb.</p><ul class=\"others\">{items}</ul>"));
    }
}
