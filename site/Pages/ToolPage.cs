using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Policy;
using Catalog.Site.Rendering;
using Catalog.Site.Text;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

/// <summary>
/// One page per tool. Every sentence is generated from the tool's classification and its policy JSON, and the only
/// risk class the page names is the tool's own.
/// </summary>
public sealed partial class ToolPage
{
    private readonly ToolView _tool;
    private readonly ServerView _server;
    private readonly IReadOnlyList<ToolVersion> _history;
    private readonly IReadOnlyList<SiblingTool> _siblings;
    private readonly IReadOnlyList<SimilarTool> _similar;
    private readonly IReadOnlyList<(GatewayFormats.Format Format, string Content)> _formats;
    private readonly string _root;
    private readonly string _path;
    private ParameterTable? _table;
    private ToolRule? _rule;

    /// <param name="siblings">Every tool of the server, this one included, by name.</param>
    /// <param name="similar">Tools with the same verb and category on other servers.</param>
    /// <param name="formats">The same recommendation exported for other gateways and clients.</param>
    public ToolPage(ToolView tool, ServerView server, IReadOnlyList<ToolVersion> history, IReadOnlyList<SiblingTool>? siblings = null,
        IReadOnlyList<SimilarTool>? similar = null, IReadOnlyList<(GatewayFormats.Format Format, string Content)>? formats = null)
    {
        _formats = formats ?? [];
        _tool = tool;
        _server = server;
        _history = history;
        _siblings = siblings ?? server.Tools.Select(t => new SiblingTool(t.Name, t.Slug, t.Classification?.Category.ToString())).ToList();
        _similar = similar ?? [];
        _path = SitePaths.Tool(server.Slug, tool.Slug);
        _root = SitePaths.RootFrom(_path);
    }

    public string Path => _path;

    private string Name => _tool.Name;

    private Classification? C => _tool.Classification;

    private Definition D => new(_tool.Tool.Definition);

    /// <summary>The parameters table, read from the schema once per page (the facts and the parameters section show it).</summary>
    private ParameterTable Table => _table ??= Parameters.Read(D.InputSchema);

    /// <summary>The tool's own rule in its policy, looked up once per page.</summary>
    private ToolRule? Rule => _rule ??= _tool.Policy?.RuleFor(Name);

    public Markup Render(SiteOptions options)
    {
        var body = Html.Join(
        [
            Header(),
            Facts(),
            Section("description", "Description", DescriptionBlock()),
            Section("what-it-does", $"What {Name} does", ToolProse.WhatItDoes(Name, _server.DisplayName, C, _tool.Tool.Definition.Description)),
            WhyPolicy(),
            Evidence(),
            ParametersSection(),
            Operations(),
            Findings(),
            Annotations(),
            AttacksSection(),
            PolicySection(),
            FaqSection(),
            History(),
            OtherTools(),
            SimilarTools(),
        ]);
        var summary = C is null
            ? $"{Name} on {_server.DisplayName}: definition and parameters."
            : $"{Name} on {_server.DisplayName}: a {C.Category} tool, risk class {C.Risk}. What it does, why it needs a policy, and the recommended gateway policy.";
        return Layout.Page(_path, $"{Name} — {_server.DisplayName}", summary, body, options);
    }

    private Markup Header()
    {
        var title = string.IsNullOrWhiteSpace(D.Title) ? Markup.Empty : Html.Of($"<p class=\"subtitle\">{D.Title}</p>");
        var badges = C is null
            ? Html.Of($"<span class=\"badge unclassified\">Not classified yet</span>")
            : Html.Of($"<a href=\"{_root}{SitePaths.ByCategory(C.Category)}\">{Layout.Badge("cat", C.Category.ToString())}</a> <a href=\"{_root}{SitePaths.ByRisk(C.Risk)}\">{Layout.Badge("risk", C.Risk.ToString())}</a>");
        return Html.Of($"""
            <nav class="crumbs" aria-label="Breadcrumb"><a href="{_root}{SitePaths.Index}">Servers</a> › <a href="{_root}{SitePaths.Server(_server.Slug)}">{_server.DisplayName}</a> › <span>{Name}</span></nav>
            <h1 class="toolname">{Name}</h1>
            {title}
            <p class="badges">{badges} <span class="partof">Part of <a href="{_root}{SitePaths.Server(_server.Slug)}">{_server.DisplayName}</a></span></p>
            """);
    }

    private Markup Facts()
    {
        var table = Table;
        var rows = new List<Markup>
        {
            Fact("Server", Html.Of($"<a href=\"{_root}{SitePaths.Server(_server.Slug)}\">{_server.DisplayName}</a> <code>{_server.Server.Id}</code>")),
        };
        if (C is not null)
        {
            rows.Add(Fact("Category", Html.Of($"{C.Category.ToString()} — {Words.CategoryMeaning(C.Category)}")));
            rows.Add(Fact("Risk class", Html.Of($"{C.Risk.ToString()}")));
            rows.Add(Fact("Capability tags", C.Tags.Count == 0 ? Html.Of($"none") : Html.Join(C.Tags.Select(TagChip), " ")));
            rows.Add(Fact("PolicyLayer category", Html.Of($"{Words.PolicyLayerCategory(C.Category, C.Tags)}")));
            rows.Add(Fact("Confidence", Html.Of($"{Words.Confidence(C.Confidence)}")));
        }
        rows.Add(Fact("Parameters", Html.Of($"{table.TopLevel} ({table.TopLevelRequired} required)")));
        if (Rule is { } rule) rows.Add(Fact("Recommended rule", Html.Of($"{rule.Label}")));
        rows.Add(Fact("Findings", Html.Of($"{C?.Findings.Count ?? 0}")));
        rows.Add(Fact("Tool list obtained", Html.Of($"{_tool.Tool.Provenance.ToString().ToLowerInvariant()}; first seen {Dates.Day(_tool.Tool.FirstSeen)}")));
        rows.Add(Fact("Definition hash", Html.Of($"<code>{_tool.Tool.Hash[..Math.Min(16, _tool.Tool.Hash.Length)]}</code>")));
        rows.Add(Fact("JSON", Html.Of($"<a href=\"{_root}{SitePaths.ToolJson(_server.Slug, _tool.Slug)}\">{_tool.Slug}.json</a>")));
        return Html.Of($"<dl class=\"facts\">{rows}</dl>");
    }

    private Markup TagChip(string tag) => SitePaths.ByTag(tag) is { } href
        ? Html.Of($"<a class=\"tag\" href=\"{_root}{href}\" title=\"{Words.TagMeaning(tag)}\">{tag}</a>")
        : Html.Of($"<span class=\"tag\">{tag}</span>");

    private static Markup Fact(string name, Markup value) => Html.Of($"<div><dt>{name}</dt><dd>{value}</dd></div>");

    private static Markup Section(string id, string title, Markup content) => content.IsEmpty
        ? Markup.Empty
        : Html.Join([Html.Of($"<section id=\"{id}\">\n<h2>{title}</h2>\n"), content, SectionEnd]);

    private static readonly Markup SectionEnd = Html.Trusted("\n</section>\n");

    private Markup DescriptionBlock()
    {
        var rendered = MarkdownText.Render(D.Description);
        return rendered.IsEmpty
            ? Html.Of($"<p class=\"muted\">The server gives no description for this tool.</p>")
            : Html.Of($"<div class=\"quoted\">{rendered}</div>");
    }

    private Markup WhyPolicy()
    {
        if (C is null) return Markup.Empty;
        var reason = ToolProse.RiskReason(C);
        var tableLine = reason is null ? Markup.Empty : Html.Of($"<p>{reason} <a href=\"{_root}{SitePaths.Methodology}\">How classes are assigned</a>.</p>");
        return Section("why", $"Why {Name} needs a policy", Html.Of($"<p>{C.Rationale}</p>\n{tableLine}"));
    }

    /// <summary>Convenience view of the definition.</summary>
    private readonly record struct Definition(ToolDefinition Value)
    {
        public string? Title => Value.Title ?? Value.Annotations?.Title;

        public string? Description => Value.Description;

        public System.Text.Json.JsonElement? InputSchema => Value.InputSchema;
    }
}
