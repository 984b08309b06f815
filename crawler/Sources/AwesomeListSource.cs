using System.Text;
using System.Text.Json.Nodes;
using Catalog.Crawler.Http;
using Catalog.Crawler.Launch;
using Catalog.Data.Model;

namespace Catalog.Crawler.Sources;

/// <summary>
/// Awesome lists (<c>README.md</c> of punkpeye/awesome-mcp-servers and the like), fetched with conditional requests
/// or read from a file, parsed by <see cref="AwesomeListParser"/>. Each entry becomes a record keyed by its
/// repository, so <see cref="SourceMerger"/> joins it with what the registry, GitHub or npm say about the same
/// repository. A list names no package and no source tree: alone, an entry is recorded but not crawled.
/// </summary>
public sealed class AwesomeListSource(HttpFetcher http, IReadOnlyList<string> lists, AwesomeListSource.Settings? settings = null) : IServerSource
{
    public const string DefaultUrl = "https://raw.githubusercontent.com/punkpeye/awesome-mcp-servers/main/README.md";
    /// <summary>Our namespaced <c>_meta</c> key for what the list says (category, emojis, which list).</summary>
    public const string MetaKey = "io.github.mcp-risk-catalog/awesome";

    public sealed record Settings
    {
        /// <summary>At most this many entries per list (0: no limit).</summary>
        public int Limit { get; init; }
        public long MaxFileBytes { get; init; } = 8L * 1024 * 1024;
    }

    public string Name => "awesome";

    public async Task<SourceRead> ReadAsync(CancellationToken ct)
    {
        var s = settings ?? new Settings();
        var records = new List<SourcedRecord>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<SourceError>();
        foreach (var list in lists.Distinct(StringComparer.Ordinal))
        {
            var (text, error) = await LoadAsync(list, s, ct);
            if (text is null) { errors.Add(new SourceError(list, error!)); continue; }
            var (entries, parseErrors) = AwesomeListParser.Parse(text, list, s.Limit > 0 ? s.Limit : 20_000);
            errors.AddRange(parseErrors);
            foreach (var e in entries.Where(e => keys.Add(e.Key))) records.Add(new SourcedRecord(Name, e.Key, "active", ToRecord(e, list)));
        }
        return new SourceRead(Name, records, errors, new Dictionary<string, string>());
    }

    private async Task<(string? Text, string? Error)> LoadAsync(string list, Settings s, CancellationToken ct)
    {
        if (Uri.TryCreate(list, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            var fetched = await http.GetAsync(url, conditional: true, ct);
            return fetched.Ok ? (Encoding.UTF8.GetString(fetched.Body), null) : (null, fetched.Error ?? $"HTTP {(int)fetched.Status}");
        }
        var file = new FileInfo(list);
        if (!file.Exists) return (null, "no such file or http(s) URL");
        if (file.Length > s.MaxFileBytes) return (null, $"file is {file.Length} bytes, over the {s.MaxFileBytes}-byte limit");
        return (await File.ReadAllTextAsync(list, ct), null);
    }

    public static SourceRecord ToRecord(AwesomeEntry e, string list)
    {
        var meta = new JsonObject
        {
            ["list"] = list,
            ["line"] = e.Line,
            ["categories"] = Array(e.Categories),
            ["anchor"] = e.Anchor,
            ["languages"] = Array(e.Languages),
            ["scopes"] = Array(e.Scopes),
            ["platforms"] = Array(e.Platforms),
            ["official"] = e.Official,
        };
        var repository = e.RepositoryUrl is null ? null : new JsonObject
        {
            ["url"] = e.RepositoryUrl,
            ["source"] = e.RepositoryUrl.StartsWith("https://github.com/", StringComparison.Ordinal) ? "github" : new Uri(e.RepositoryUrl).Host,
            ["subfolder"] = e.Subfolder,
        };
        var website = e.RepositoryUrl is null ? e.Url : null;
        var doc = new JsonObject
        {
            ["name"] = e.Key,
            ["title"] = e.Name,
            ["description"] = e.Description,
            ["repository"] = repository,
            ["websiteUrl"] = website,
            ["_meta"] = new JsonObject { [MetaKey] = meta },
        };
        var server = new Server(e.Key, e.Name, e.Name, e.Description, null, e.RepositoryUrl, website, [], "awesome", doc.ToJsonString());
        return new SourceRecord(server, new NoLaunch("listed in an awesome list, which names no package or source to read"));
    }

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
