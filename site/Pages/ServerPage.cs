using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Policy;
using Catalog.Site.Rendering;
using Catalog.Site.Text;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

/// <summary>One page per server: metadata, last crawl, risk summary, every tool, the server-wide policy in every format.</summary>
/// <param name="formats">The server-wide policy exported for other gateways and clients.</param>
public sealed class ServerPage(ServerView server, IReadOnlyList<(GatewayFormats.Format Format, string Content)>? formats = null)
{
    private readonly string _root = SitePaths.RootFrom(SitePaths.Server(server.Slug));

    public string Path => SitePaths.Server(server.Slug);

    public Markup Render(SiteOptions options)
    {
        var s = server.Server;
        var description = string.IsNullOrWhiteSpace(s.Description) ? Markup.Empty : Html.Of($"<p class=\"lead\">{Html.Truncate(s.Description, 1000)}</p>");
        var body = Html.Of($"""
            <nav class="crumbs" aria-label="Breadcrumb"><a href="{_root}{SitePaths.Index}">Servers</a> › <span>{server.DisplayName}</span></nav>
            <h1>{server.DisplayName}</h1>
            <p class="subtitle"><code>{s.Id}</code></p>
            {description}
            {Metadata()}
            {Crawl()}
            {Summary()}
            {ToolTable()}
            {FindingsSection()}
            {PolicySection()}
            """);
        return Layout.Page(Path, server.DisplayName, $"{server.DisplayName}: {Words.Plural(server.Tools.Count, "tool", "tools")}, their risk classes and a recommended gateway policy.", body, options);
    }

    private Markup Metadata()
    {
        var s = server.Server;
        var rows = new List<Markup> { Fact("Name", Html.Of($"{s.Name}")) };
        if (!string.IsNullOrWhiteSpace(s.Title)) rows.Add(Fact("Title", Html.Of($"{s.Title}")));
        if (!string.IsNullOrWhiteSpace(s.Version)) rows.Add(Fact("Version", Html.Of($"{s.Version}")));
        rows.Add(Fact("Repository", Link(s.RepositoryUrl)));
        if (!string.IsNullOrWhiteSpace(s.WebsiteUrl)) rows.Add(Fact("Website", Link(s.WebsiteUrl)));
        rows.Add(Fact("Listed by", Html.Of($"{s.Source}")));
        rows.Add(Fact("JSON", Html.Of($"<a href=\"{_root}{SitePaths.ServerJson(server.Slug)}\">{server.Slug}.json</a>")));
        var packages = s.Packages.Count == 0 ? Html.Of($"<p class=\"muted\">No packages are listed.</p>") : Html.Of($"""
            <div class="scroll"><table>
            <thead><tr><th>Registry</th><th>Identifier</th><th>Version</th><th>Transport</th></tr></thead>
            <tbody>{Html.Join(s.Packages.Select(p => Html.Of($"<tr><td>{p.RegistryType}</td><td><code>{p.Identifier}</code></td><td>{p.Version ?? "—"}</td><td>{p.Transport}</td></tr>")), "\n")}</tbody>
            </table></div>
            """);
        return Html.Of($"<section id=\"about\"><h2>About</h2><dl class=\"facts\">{rows}</dl><h3>Packages</h3>{packages}</section>");
    }

    private Markup Crawl()
    {
        if (server.Attempt is not { } a) return Html.Of($"<section id=\"crawl\"><h2>Last crawl</h2><p class=\"muted\">This server has not been crawled yet.</p></section>");
        var error = string.IsNullOrWhiteSpace(a.Error) ? Markup.Empty : Fact("Error", Html.Of($"<code>{Html.Truncate(a.Error, 1000)}</code>"));
        return Html.Of($"""
            <section id="crawl"><h2>Last crawl</h2><dl class="facts">
            {Fact("Status", Html.Of($"<span class=\"status status-{a.Status.ToString().ToLowerInvariant()}\">{a.Status.ToString()}</span>"))}
            {error}
            {Fact("Date", Html.Of($"{Dates.Day(a.At)}"))}
            {Fact("Duration", Html.Of($"{a.DurationMs} ms"))}
            {Fact("Tools found", Html.Of($"{a.ToolCount}"))}
            {Fact("Obtained by", Html.Of($"{a.Provenance.ToString().ToLowerInvariant()}"))}
            </dl></section>
            """);
    }

    private Markup Summary()
    {
        var byRisk = server.CountByRisk;
        var byCategory = server.CountByCategory;
        var unclassified = server.Tools.Count(t => t.Classification is null);
        var findings = server.Tools.Sum(t => t.Classification?.Findings.Count ?? 0);
        var classes = Html.Join(Enum.GetValues<RiskClass>().Select(r =>
            Html.Of($"<li>{Layout.Badge("risk", r.ToString())} {byRisk.GetValueOrDefault(r)}</li>")));
        var categories = Html.Join(Enum.GetValues<Category>().Select(c =>
            Html.Of($"<li>{Layout.Badge("cat", c.ToString())} {byCategory.GetValueOrDefault(c)}</li>")));
        var extra = unclassified == 0 ? Markup.Empty : Html.Of($"<p class=\"muted\">{Words.Plural(unclassified, "tool is", "tools are")} not classified yet.</p>");
        return Html.Of($"""
            <section id="summary"><h2>Risk summary</h2>
            <p>{Words.Plural(server.Tools.Count, "tool", "tools")}; {Words.Plural(findings, "finding", "findings")} in their definitions.</p>
            {Charts.RiskBar(byRisk)}
            <ul class="counts">{classes}</ul>
            <ul class="counts">{categories}</ul>
            {extra}
            </section>
            """);
    }

    private Markup ToolTable()
    {
        if (server.Tools.Count == 0) return Html.Of($"<section id=\"tools\"><h2>Tools</h2><p class=\"muted\">No tools are known for this server.</p></section>");
        var rows = server.Tools.Select(t =>
        {
            var c = t.Classification;
            var rule = server.Policy?.RuleFor(t.Name).Label ?? "—";
            return Html.Of($"<tr><td><a href=\"{_root}{SitePaths.Tool(server.Slug, t.Slug)}\">{t.Name}</a></td><td>{(c is null ? Html.Of($"—") : Layout.Badge("cat", c.Category.ToString()))}</td><td>{(c is null ? Html.Of($"—") : Layout.Badge("risk", c.Risk.ToString()))}</td><td>{Html.Join((c?.Tags ?? []).Select(tag => Html.Of($"<span class=\"tag\">{tag}</span>")), " ")}</td><td>{rule}</td><td>{c?.Findings.Count ?? 0}</td></tr>");
        });
        return Html.Of($"""
            <section id="tools"><h2>Tools</h2>
            <div class="scroll"><table class="tools">
            <thead><tr><th>Tool</th><th>Category</th><th>Risk</th><th>Tags</th><th>Rule</th><th>Findings</th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div></section>
            """);
    }

    private Markup FindingsSection()
    {
        var items = server.Tools
            .Where(t => t.Classification is { Findings.Count: > 0 })
            .SelectMany(t => t.Classification!.Findings.Select(f => (Tool: t, Finding: f)))
            .OrderByDescending(x => x.Finding.Severity).ThenBy(x => x.Tool.Name, StringComparer.Ordinal).ThenBy(x => x.Finding.Type, StringComparer.Ordinal)
            .Take(200)
            .Select(x => Html.Of($"<li><span class=\"sev sev-{Words.Severity(x.Finding.Severity)}\">{Words.Severity(x.Finding.Severity)}</span> <a href=\"{_root}{SitePaths.Tool(server.Slug, x.Tool.Slug)}#findings\">{x.Tool.Name}</a> · <strong>{x.Finding.Type}</strong>: {x.Finding.Explanation}</li>"))
            .ToList();
        var body = items.Count == 0
            ? Html.Of($"<p>No findings in the definitions of this server's tools (prompt injection, hidden text, contradicting annotations, changed behaviour).</p>")
            : Html.Of($"<ul class=\"findings\">{Html.Join(items)}</ul>");
        return Html.Of($"<section id=\"findings\"><h2>Findings</h2>{body}</section>");
    }

    private Markup PolicySection()
    {
        var others = formats is not { Count: > 0 } ? Markup.Empty
            : Html.Of($"\n{Layout.OtherFormats(formats, (f, _) => _root + SitePaths.ServerFormat(server.Slug, f), f => $"{server.Slug}.{f.Name}.{f.Extension}")}");
        if (server.Policy is not { } policy)
            return Html.Of($"<section id=\"policy\"><h2>Recommended policy</h2><p class=\"muted\">No server-wide policy has been generated yet.</p>{others}</section>");
        var hidden = policy.Hidden.Count;
        var listed = server.Tools.Count(t => policy.RuleFor(t.Name).Listed);
        return Html.Of($"""
            <section id="policy"><h2>Recommended policy</h2>
            <p>One PolicyLayer document for the whole server: {Words.Plural(listed, "tool has its own rule", "tools have their own rules")}, {Words.Plural(hidden, "tool is", "tools are")} hidden, and everything else falls to <code>default: "{policy.Default}"</code>.</p>
            {Layout.JsonBlock("policy-json", policy.Pretty, _root + SitePaths.ServerPolicy(server.Slug), server.Slug + ".policy.json")}{others}
            </section>
            """);
    }

    private static Markup Fact(string name, Markup value) => Html.Of($"<div><dt>{name}</dt><dd>{value}</dd></div>");

    private static Markup Link(string? url) => Html.SafeExternalUrl(url) is { } safe
        ? Html.Of($"<a href=\"{safe}\" rel=\"nofollow noopener noreferrer\">{url}</a>")
        : string.IsNullOrWhiteSpace(url) ? Html.Of($"<span class=\"muted\">none listed</span>") : Html.Of($"<code>{url}</code>");
}
