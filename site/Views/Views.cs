using Catalog.Data.Model;
using Catalog.Site.Policy;

namespace Catalog.Site.Views;

/// <summary>One tool as the pages see it: the stored tool, its slug, and its parsed policy.</summary>
public sealed record ToolView(CatalogTool Tool, string Slug, PolicyDocument? Policy)
{
    public string Name => Tool.Definition.Name;

    public Classification? Classification => Tool.Classification;
}

/// <summary>One server with everything its pages need.</summary>
public sealed record ServerView(
    Server Server,
    string Slug,
    CrawlAttempt? Attempt,
    IReadOnlyList<ToolView> Tools,
    PolicyDocument? Policy)
{
    /// <summary>The name people know it by: the title when it has one, else the name.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Server.Title) ? Server.Name : Server.Title!;

    public IReadOnlyDictionary<RiskClass, int> CountByRisk => Tools.Where(t => t.Classification is not null)
        .GroupBy(t => t.Classification!.Risk).ToDictionary(g => g.Key, g => g.Count());

    public IReadOnlyDictionary<Category, int> CountByCategory => Tools.Where(t => t.Classification is not null)
        .GroupBy(t => t.Classification!.Category).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>A light row for the index and browse pages, kept for every tool in the catalog.</summary>
public sealed record ToolSummary(
    string ServerId,
    string ServerName,
    string ServerSlug,
    string Name,
    string Slug,
    Category? Category,
    RiskClass? Risk,
    IReadOnlyList<string> Tags,
    int Findings);

/// <summary>A light row per server for the index.</summary>
public sealed record ServerSummary(
    string Id,
    string Name,
    string Slug,
    int ToolCount,
    IReadOnlyDictionary<RiskClass, int> CountByRisk,
    CrawlAttempt? Attempt);
