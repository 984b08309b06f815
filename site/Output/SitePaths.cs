using Catalog.Data.Model;

namespace Catalog.Site.Output;

/// <summary>Every output path, relative to the site root, in one place so links and files cannot drift apart.</summary>
public static class SitePaths
{
    public const string Index = "index.html";
    public const string Tools = "tools.html";
    public const string Methodology = "methodology.html";
    public const string NotFound = "404.html";
    public const string Css = "assets/site.css";
    public const string Js = "assets/site.js";
    public const string Icon = "assets/icon.svg";
    public const string ApiIndex = "api/index.json";
    public const string SearchFolder = "api/search/";
    public const string SearchMeta = "api/search/meta.json";
    public const string Stats = "stats.html";
    public const string Changes = "changes.html";
    public const string ChangesFeed = "changes.atom";
    public const string Findings = "browse/findings.html";

    /// <summary>Page <paramref name="page"/> (1-based) of a paginated list whose first page is <paramref name="first"/>.</summary>
    public static string Paged(string first, int page)
    {
        if (page <= 1) return first;
        if (first == Tools) return $"browse/all-{page}.html";
        return first[..^5] + "-" + page + ".html";
    }

    /// <summary>A shard of the search index's terms (<c>api/search/terms/KEY.json</c>).</summary>
    public static string SearchTerms(string key) => $"{SearchFolder}terms/{key}.json";

    /// <summary>A filter's posting list (<c>api/search/facets/NAME.json</c>).</summary>
    public static string SearchFacet(string name) => $"{SearchFolder}facets/{name}.json";

    /// <summary>The rows of one chunk of tools, by id (<c>api/search/docs/N.json</c>).</summary>
    public static string SearchDocs(int chunk) => $"{SearchFolder}docs/{chunk.ToString(System.Globalization.CultureInfo.InvariantCulture)}.json";

    public static string Server(string server) => $"servers/{server}.html";

    /// <summary>A server-wide policy in another gateway's format (<c>api/servers/S.FORMAT.EXT</c>).</summary>
    public static string ServerFormat(string server, Policy.GatewayFormats.Format format) =>
        $"api/servers/{server}.{format.Name}.{format.Extension}";

    public static string ServerJson(string server) => $"api/servers/{server}.json";

    public static string ServerPolicy(string server) => $"api/servers/{server}.policy.json";

    public static string Tool(string server, string tool) => $"{ToolFolder(server)}/{ToolFile(tool)}";

    /// <summary>The folder of one server's tool pages.</summary>
    public static string ToolFolder(string server) => $"tools/{server}";

    /// <summary>A tool page's file name: the link from another tool page of the same server.</summary>
    public static string ToolFile(string tool) => $"{tool}.html";

    public static string ToolJson(string server, string tool) => $"{ToolJsonFolder(server)}/{tool}.json";

    /// <summary>The folder of one server's tool JSON files.</summary>
    public static string ToolJsonFolder(string server) => $"api/tools/{server}";

    public static string ByCategory(Category category) => $"browse/category-{Lower(category)}.html";

    public static string ByRisk(RiskClass risk) => $"browse/risk-{Lower(risk)}.html";

    /// <summary>Tag pages exist only for the known tags (their names are already slugs).</summary>
    public static string? ByTag(string tag) => CapabilityTags.IsKnown(tag) ? $"browse/tag-{tag}.html" : null;

    /// <summary>The prefix that leads from a page back to the site root ("", "../", "../../").</summary>
    public static string RootFrom(string pagePath) => string.Concat(Enumerable.Repeat("../", pagePath.Count(c => c == '/')));

    public static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
