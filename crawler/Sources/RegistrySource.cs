using System.Globalization;
using System.Text.Json;
using Catalog.Crawler.Http;

namespace Catalog.Crawler.Sources;

/// <summary>
/// The official MCP Registry: <c>GET /v0.1/servers</c> with cursor paging (opaque, URL-encoded; a missing, empty
/// or repeated cursor ends the walk), <c>updated_since</c> for incremental runs, the latest version per server name,
/// and the registry's status kept (<c>deleted</c> is reported, not crawled). Old snake_case documents and
/// <c>next_cursor</c> are read too.
/// </summary>
public sealed class RegistrySource(HttpFetcher http, Uri baseUrl, RegistrySource.Settings? settings = null) : IServerSource
{
    public const string DefaultUrl = "https://registry.modelcontextprotocol.io";
    private const string Official = "io.modelcontextprotocol.registry/official";

    public sealed record Settings
    {
        public int PageSize { get; init; } = 100;
        /// <summary>Bounds the walk whatever the registry answers.</summary>
        public int MaxPages { get; init; } = 2000;
        /// <summary>Stop after this many distinct servers (for <c>--limit</c>); 0 means no limit.</summary>
        public int Limit { get; init; }
        /// <summary>The high-water mark of the previous run (<c>updated_since</c>), null for a full crawl.</summary>
        public string? UpdatedSince { get; init; }
    }

    public string Name => "registry";

    /// <summary>The state key under which the high-water mark is kept (one per registry URL).</summary>
    public static string StateKey(Uri baseUrl) => "registry " + baseUrl.AbsoluteUri.TrimEnd('/');

    public async Task<SourceRead> ReadAsync(CancellationToken ct)
    {
        var s = settings ?? new Settings();
        var errors = new List<SourceError>();
        var latest = new Dictionary<string, (SourcedRecord Record, bool IsLatest, string UpdatedAt)>(StringComparer.Ordinal);
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        var highWater = s.UpdatedSince;
        var complete = false;
        for (var page = 0; page < s.MaxPages; page++)
        {
            var url = PageUrl(s, cursor);
            var fetched = await http.GetAsync(url, conditional: true, ct);
            if (!fetched.Ok)
            {
                errors.Add(new SourceError(url.PathAndQuery, fetched.Error ?? $"HTTP {(int)fetched.Status}"));
                break;
            }
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(fetched.Body, new JsonDocumentOptions { MaxDepth = 128 });
            }
            catch (JsonException ex)
            {
                errors.Add(new SourceError(url.PathAndQuery, $"malformed JSON: {ex.Message}"));
                break;
            }
            using (doc)
            {
                var root = doc.RootElement;
                var servers = Json.Array(root, "servers").ToList();
                for (var i = 0; i < servers.Count; i++)
                {
                    var where = $"page {page + 1} entry {i}";
                    var entry = ReadEntry(servers[i], where, errors);
                    if (entry is null) continue;
                    var (record, isLatest, updatedAt) = entry.Value;
                    if (string.CompareOrdinal(updatedAt, highWater ?? "") > 0) highWater = updatedAt;
                    var name = record.Record.Server.Id;
                    if (!latest.TryGetValue(name, out var have) || Better(isLatest, updatedAt, have.IsLatest, have.UpdatedAt))
                    {
                        if (have.Record is null && s.Limit > 0 && latest.Count >= s.Limit) continue;
                        latest[name] = (record, isLatest, updatedAt);
                    }
                }
                var meta = Json.Obj(root, "metadata") ?? default;
                var next = Json.Str(meta, "nextCursor", "next_cursor");
                if (string.IsNullOrEmpty(next)) { complete = true; break; }
                if (!seenCursors.Add(next))
                {
                    errors.Add(new SourceError(url.PathAndQuery, $"the registry repeated cursor '{Truncate(next)}'; stopped paging"));
                    complete = true;
                    break;
                }
                if (s.Limit > 0 && latest.Count >= s.Limit) break;
                cursor = next;
                if (page == s.MaxPages - 1) errors.Add(new SourceError(url.PathAndQuery, $"stopped after {s.MaxPages} pages"));
            }
        }
        var state = new Dictionary<string, string>();
        // The mark moves only when the whole listing was read, so an interrupted walk is redone, never skipped.
        if (complete && highWater is not null && s.Limit == 0) state["updated_since"] = highWater;
        return new SourceRead(Name, latest.Values.Select(v => v.Record).OrderBy(r => r.SourceKey, StringComparer.Ordinal).ToList(), errors, state);
    }

    private Uri PageUrl(Settings s, string? cursor)
    {
        var query = $"limit={Math.Clamp(s.PageSize, 1, 100)}";
        if (s.UpdatedSince is { } since) query += "&updated_since=" + Uri.EscapeDataString(since);
        if (cursor is not null) query += "&cursor=" + Uri.EscapeDataString(cursor);
        return new Uri(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), "v0.1/servers?" + query);
    }

    private (SourcedRecord, bool, string)? ReadEntry(JsonElement e, string where, List<SourceError> errors)
    {
        var server = Json.Obj(e, "server") ?? e;
        var meta = Json.Obj(Json.Obj(e, "_meta") ?? default, Official) ?? Json.Obj(Json.Obj(server, "_meta") ?? default, Official) ?? default;
        var status = (Json.Str(meta, "status") ?? Json.Str(server, "status") ?? "active").ToLowerInvariant();
        var updatedAt = Json.Str(meta, "updatedAt", "updated_at") ?? Json.Str(meta, "publishedAt", "published_at") ?? "";
        var isLatest = Json.Bool(meta, "isLatest", "is_latest");
        var (record, error) = SeedFileSource.Parse(server, where);
        if (error is not null)
        {
            errors.Add(error);
            return null;
        }
        var r = record! with { Server = record!.Server with { Source = Name } };
        if (status is not ("active" or "deprecated" or "deleted")) status = "active";
        return (new SourcedRecord(Name, r.Server.Id, status, r), isLatest, Normalise(updatedAt));
    }

    private static bool Better(bool isLatest, string updatedAt, bool haveLatest, string haveUpdated) =>
        isLatest != haveLatest ? isLatest : string.CompareOrdinal(updatedAt, haveUpdated) > 0;

    /// <summary>RFC 3339 in UTC with a fixed shape, so marks compare as strings.</summary>
    private static string Normalise(string t) =>
        DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "";

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80];
}
