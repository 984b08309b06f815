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
    int Findings,
    string Description = "")
{
    /// <summary>The row as one line of text (tab-separated, escaped), as stored beside the page hash and spilled to disk.</summary>
    public string Encode() => string.Join('\t', new[]
    {
        ServerId, ServerName, ServerSlug, Name, Slug, Category?.ToString() ?? "", Risk?.ToString() ?? "", string.Join(' ', Tags),
        Findings.ToString(System.Globalization.CultureInfo.InvariantCulture), Description,
    }.Select(Escape));

    public static ToolSummary Decode(string line)
    {
        var f = line.Split('\t').Select(Unescape).ToArray();
        return new(f[0], f[1], f[2], f[3], f[4],
            f[5].Length == 0 ? null : Enum.Parse<Category>(f[5]),
            f[6].Length == 0 ? null : Enum.Parse<RiskClass>(f[6]),
            f[7].Length == 0 ? [] : f[7].Split(' '),
            int.Parse(f[8], System.Globalization.CultureInfo.InvariantCulture), f[9]);
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 == s.Length) { sb.Append(s[i]); continue; }
            sb.Append(s[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
        }
        return sb.ToString();
    }
}

/// <summary>A light row per server for the index.</summary>
public sealed record ServerSummary(
    string Id,
    string Name,
    string Slug,
    int ToolCount,
    IReadOnlyDictionary<RiskClass, int> CountByRisk,
    CrawlAttempt? Attempt);
