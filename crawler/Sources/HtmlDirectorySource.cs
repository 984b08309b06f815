using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Catalog.Crawler.Http;
using Catalog.Crawler.Launch;
using Catalog.Data.Model;

namespace Catalog.Crawler.Sources;

/// <summary>
/// A directory of servers that exists only as an HTML page. Scope, on purpose small: the page's links to GitHub
/// repositories (<c>github.com/owner/repo</c>) and npm packages (<c>npmjs.com/package/name</c>) become records,
/// named by the link text, described by the text of the list item, table row or article around the link, and filed
/// under the nearest heading above it. The page is parsed with AngleSharp and never run: scripts, styles and
/// templates are dropped before any text is read, relative links are resolved against the page, and only http(s)
/// targets are kept (<c>javascript:</c>, <c>data:</c> and the like are ignored). Everything taken is plain text.
/// </summary>
public sealed class HtmlDirectorySource(HttpFetcher http, IReadOnlyList<Uri> pages, HtmlDirectorySource.Settings? settings = null) : IServerSource
{
    public const string MetaKey = "io.github.mcp-risk-catalog/html";

    /// <summary>github.com paths that are GitHub's own pages, not <c>owner/repo</c>.</summary>
    private static readonly HashSet<string> GitHubPages = new(StringComparer.OrdinalIgnoreCase)
    {
        "topics", "orgs", "sponsors", "features", "marketplace", "search", "collections", "apps", "settings", "login",
        "about", "pricing", "explore", "trending", "enterprise", "site", "security", "contact", "notifications",
    };

    public sealed record Settings
    {
        public int MaxEntriesPerPage { get; init; } = 5000;
        public long MaxPageBytes { get; init; } = 8L * 1024 * 1024;
    }

    public string Name => "html";

    public async Task<SourceRead> ReadAsync(CancellationToken ct)
    {
        var s = settings ?? new Settings();
        var records = new List<SourcedRecord>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<SourceError>();
        foreach (var page in pages.Distinct())
        {
            var fetched = await http.GetAsync(page, conditional: true, ct);
            if (!fetched.Ok) { errors.Add(new SourceError(page.AbsoluteUri, fetched.Error ?? $"HTTP {(int)fetched.Status}")); continue; }
            if (fetched.Body.Length > s.MaxPageBytes) { errors.Add(new SourceError(page.AbsoluteUri, $"page is over the {s.MaxPageBytes}-byte limit")); continue; }
            var entries = Parse(Encoding.UTF8.GetString(fetched.Body), page);
            if (entries.Count > s.MaxEntriesPerPage) errors.Add(new SourceError(page.AbsoluteUri, $"only the first {s.MaxEntriesPerPage} of {entries.Count} entries are kept"));
            foreach (var e in entries.Take(s.MaxEntriesPerPage).Where(e => keys.Add(e.Key))) records.Add(new SourcedRecord(Name, e.Key, "active", ToRecord(e, page)));
        }
        return new SourceRead(Name, records, errors, new Dictionary<string, string>());
    }

    /// <summary>One server link on a page.</summary>
    /// <param name="Key"><c>github.com/owner/repo</c> or <c>npm:name</c>.</param>
    public sealed record Entry(string Key, string Name, string Url, string? RepositoryUrl, string? NpmPackage, string? Category, string? Description);

    /// <summary>The server links of a page, in page order, each once.</summary>
    public static IReadOnlyList<Entry> Parse(string html, Uri page)
    {
        using var document = new HtmlParser().ParseDocument(html);
        foreach (var inert in document.QuerySelectorAll("script, style, noscript, template, iframe, object").ToList()) inert.Remove();
        var entries = new List<Entry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? heading = null;
        foreach (var element in document.All)
        {
            if (element.LocalName is "h1" or "h2" or "h3" or "h4") { heading = Cut(Text(element), 200); continue; }
            if (element.LocalName != "a" || element.GetAttribute("href") is not { } href) continue;
            if (!Uri.TryCreate(page, href.Trim(), out var url) || url.Scheme is not ("https" or "http")) continue;
            var entry = Classify(url, element, heading);
            if (entry is not null && seen.Add(entry.Key)) entries.Add(entry);
        }
        return entries;
    }

    private static Entry? Classify(Uri url, IElement link, string? heading)
    {
        var host = url.Host.ToLowerInvariant();
        var parts = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string key;
        string? repo = null, npm = null;
        if (host is "github.com" or "www.github.com" && parts.Length >= 2 && !GitHubPages.Contains(parts[0])
            && RepoUrl.GitHub(url.AbsoluteUri) is var (owner, name) && GitHubClient.IsName(owner) && GitHubClient.IsName(name))
        {
            repo = $"https://github.com/{owner}/{name}";
            key = $"github.com/{owner}/{name}";
        }
        else if (host is "npmjs.com" or "www.npmjs.com" && parts is ["package", ..] && parts.Length is 2 or 3)
        {
            var candidate = string.Join('/', parts[1..]);
            if (!NpmPackageName.IsValid(candidate)) return null;
            npm = candidate;
            key = "npm:" + candidate;
        }
        else return null;
        var text = Text(link);
        var around = link.Closest("li, tr, article, dd");
        // A link with no text (an icon, a broken tag) has nothing to take out of its row's text.
        var description = around is null ? null
            : (text.Length == 0 ? Text(around) : Text(around).Replace(text, "", StringComparison.Ordinal)).Trim(' ', '-', '–', ':', '|');
        return new Entry(key, Cut(text.Length == 0 ? key : text, 200), url.AbsoluteUri, repo, npm, heading, description is { Length: > 0 } d ? Cut(d, 1000) : null);
    }

    public static SourceRecord ToRecord(Entry e, Uri page)
    {
        var doc = new JsonObject
        {
            ["name"] = e.Key,
            ["title"] = e.Name,
            ["description"] = e.Description,
            ["_meta"] = new JsonObject { [MetaKey] = new JsonObject { ["page"] = page.AbsoluteUri, ["link"] = e.Url, ["category"] = e.Category } },
        };
        if (e.RepositoryUrl is not null) doc["repository"] = new JsonObject { ["url"] = e.RepositoryUrl, ["source"] = "github" };
        IReadOnlyList<PackageRef> packages = e.NpmPackage is null ? [] : [new PackageRef("npm", e.NpmPackage, null, "stdio")];
        if (e.NpmPackage is not null)
            doc["packages"] = new JsonArray(new JsonObject { ["registryType"] = "npm", ["identifier"] = e.NpmPackage, ["transport"] = new JsonObject { ["type"] = "stdio" } });
        var server = new Server(e.Key, e.Name, e.Name, e.Description, null, e.RepositoryUrl, null, packages, "html", doc.ToJsonString());
        return new SourceRecord(server, new NoLaunch("listed on an HTML page, which names no version to start or source to read"));
    }

    private static string Text(IElement e) => string.Join(' ', (e.TextContent ?? "").Split([' ', '\t', '\n', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
