using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Catalog.Crawler.Tests;

/// <summary>
/// A registry speaking <c>GET /v0.1/servers</c>: cursor = <c>name:version</c> of the last entry (so it holds '/' and
/// ':' and must arrive URL-encoded), <c>updated_since</c> filtering, ETags and 304s.
/// </summary>
internal sealed class FakeRegistry : IDisposable
{
    private readonly List<JsonObject> _entries;

    public FakeRegistry(IEnumerable<JsonObject> entries)
    {
        _entries = entries.ToList();
        Server = new Loopback(HandleAsync);
    }

    public Loopback Server { get; }

    /// <summary>Overrides the answer for one request (by number, from 0), e.g. a 429 or a truncated body.</summary>
    public Func<int, HttpListenerContext, Task<bool>>? Fault { get; set; }

    public bool SnakeCase { get; set; }

    private int _n;

    public static JsonObject Entry(int i, string status = "active", string updated = "2025-09-29T00:00:00Z", string version = "1.0.0") => new()
    {
        ["server"] = new JsonObject
        {
            ["name"] = $"io.github.owner{i}/server-{i}",
            ["description"] = $"Server number {i}",
            ["version"] = version,
            ["repository"] = new JsonObject { ["url"] = $"https://github.com/owner{i}/server-{i}", ["source"] = "github" },
            ["packages"] = new JsonArray(new JsonObject
            {
                ["registryType"] = "npm", ["identifier"] = $"@owner{i}/server-{i}", ["version"] = version,
                ["transport"] = new JsonObject { ["type"] = "stdio" },
            }),
        },
        ["_meta"] = new JsonObject
        {
            ["io.modelcontextprotocol.registry/official"] = new JsonObject
            {
                ["status"] = status, ["publishedAt"] = updated, ["updatedAt"] = updated, ["isLatest"] = true,
            },
        },
    };

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var n = Interlocked.Increment(ref _n) - 1;
        if (Fault is { } fault && await fault(n, ctx)) return;
        if (ctx.Request.Url!.AbsolutePath != "/v0.1/servers") { await Loopback.Send(ctx, 404, """{"error":"not found"}"""); return; }
        var q = ctx.Request.QueryString;
        var limit = int.TryParse(q["limit"], out var l) ? Math.Clamp(l, 1, 100) : 30;
        var since = q["updated_since"];
        var cursor = q["cursor"];
        var list = _entries.Where(e => since is null || string.CompareOrdinal(Updated(e), since) > 0).ToList();
        var start = cursor is null ? 0 : list.FindIndex(e => Key(e) == cursor) + 1;
        if (cursor is not null && start == 0) { await Loopback.Send(ctx, 400, """{"title":"bad cursor"}"""); return; }
        var page = list.Skip(start).Take(limit).ToList();
        var more = start + page.Count < list.Count;
        var metadata = new JsonObject { ["count"] = page.Count };
        if (more) metadata[SnakeCase ? "next_cursor" : "nextCursor"] = Key(page[^1]);
        var body = new JsonObject { ["servers"] = new JsonArray(page.Select(e => e.DeepClone()).ToArray()), ["metadata"] = metadata }.ToJsonString();
        var etag = "W/\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";
        if (ctx.Request.Headers["If-None-Match"] == etag) { await Loopback.Send(ctx, 304, "", ("ETag", etag)); return; }
        await Loopback.Send(ctx, 200, body, ("ETag", etag), ("Content-Type", "application/json"));
    }

    private static string Key(JsonObject e) => $"{e["server"]!["name"]}:{e["server"]!["version"]}";

    private static string Updated(JsonObject e) => (string)e["_meta"]!["io.modelcontextprotocol.registry/official"]!["updatedAt"]!;

    public void Dispose() => Server.Dispose();
}
