using System.Collections.Concurrent;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Catalog.Crawler.Tests;

/// <summary>One repository the fake GitHub knows.</summary>
internal sealed record FakeRepo(string FullName, DateOnly Created, string Sha, bool Archived = false, long Stars = 7, long SizeKb = 120, string Branch = "main");

/// <summary>
/// A GitHub REST API on 127.0.0.1 in its documented shapes: <c>/search/repositories</c> (topic and
/// <c>created:a..b</c> qualifiers, at most 1,000 results, <c>page</c>/<c>per_page</c>, a <c>link</c> header with
/// next/last/first/prev), <c>/repos/o/r</c>, <c>/repos/o/r/branches/b</c>, <c>/repos/o/r/tarball/sha</c> (302 to a
/// codeload path), weak ETags and 304s. <see cref="Fault"/> lets a test replace any answer.
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    private readonly Dictionary<string, FakeRepo> _repos;
    private int _n;

    public FakeGitHub(IEnumerable<FakeRepo> repos)
    {
        _repos = repos.ToDictionary(r => r.FullName, StringComparer.OrdinalIgnoreCase);
        Server = new Loopback(HandleAsync);
    }

    public Loopback Server { get; }

    /// <summary>Overrides the answer for one request (request number from 0, then the context); true when it answered.</summary>
    public Func<int, HttpListenerContext, Task<bool>>? Fault { get; set; }

    /// <summary>Every request: path and query, arrival time, the Authorization header it carried.</summary>
    public ConcurrentQueue<(string Path, DateTimeOffset At, string? Authorization)> Log { get; } = new();

    public int TarballRequests => Log.Count(l => l.Path.Contains("/tarball/", StringComparison.Ordinal));

    public int SearchRequests => Log.Count(l => l.Path.StartsWith("/search/", StringComparison.Ordinal));

    public void Replace(FakeRepo repo) => _repos[repo.FullName] = repo;

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var n = Interlocked.Increment(ref _n) - 1;
        Log.Enqueue((ctx.Request.RawUrl ?? "", DateTimeOffset.UtcNow, ctx.Request.Headers["Authorization"]));
        if (Fault is { } fault && await fault(n, ctx)) return;
        var path = ctx.Request.Url!.AbsolutePath;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        switch (parts)
        {
            case ["search", "repositories"]:
                await SearchAsync(ctx);
                return;
            case ["repos", var o, var r] when Find(o, r) is { } repo:
                await Json(ctx, Repo(repo));
                return;
            case ["repos", var o, var r, "branches", var b] when Find(o, r) is { } repo && b == repo.Branch:
                await Json(ctx, new JsonObject { ["name"] = b, ["commit"] = new JsonObject { ["sha"] = repo.Sha } });
                return;
            case ["repos", var o, var r, "tarball", var sha] when Find(o, r) is { } repo && sha == repo.Sha:
                await Loopback.Send(ctx, 302, "", ("Location", $"{Server.Url}codeload/{o}/{r}/legacy.tar.gz/{sha}"));
                return;
            case ["codeload", var o, var r, "legacy.tar.gz", var sha] when Find(o, r) is { } repo && sha == repo.Sha:
                await Loopback.Send(ctx, 200, Tarball(repo), ("Content-Type", "application/x-gzip"));
                return;
            default:
                await Loopback.Send(ctx, 404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""");
                return;
        }
    }

    private FakeRepo? Find(string owner, string repo) => _repos.GetValueOrDefault($"{owner}/{repo}");

    private async Task SearchAsync(HttpListenerContext ctx)
    {
        var q = ctx.Request.QueryString["q"] ?? "";
        var perPage = int.TryParse(ctx.Request.QueryString["per_page"], out var pp) ? Math.Clamp(pp, 1, 100) : 30;
        var page = int.TryParse(ctx.Request.QueryString["page"], out var p) ? p : 1;
        var matching = _repos.Values.Where(r => Matches(r, q)).OrderBy(r => r.FullName, StringComparer.Ordinal).ToList();
        if ((page - 1) * perPage >= 1000)
        {
            await Loopback.Send(ctx, 422, """{"message":"Only the first 1000 search results are available"}""");
            return;
        }
        var reachable = Math.Min(matching.Count, 1000);
        var last = Math.Max(1, (reachable + perPage - 1) / perPage);
        var items = matching.Take(reachable).Skip((page - 1) * perPage).Take(perPage).Select(r => (JsonNode)Repo(r)).ToArray();
        var body = new JsonObject { ["total_count"] = matching.Count, ["incomplete_results"] = false, ["items"] = new JsonArray(items) };
        var link = new List<string>();
        string Page(int k) => $"<{Server.Url}search/repositories?q={Uri.EscapeDataString(q)}&per_page={perPage}&page={k}>";
        if (page < last) link.Add($"{Page(page + 1)}; rel=\"next\"");
        if (page < last) link.Add($"{Page(last)}; rel=\"last\"");
        if (page > 1) link.Add($"{Page(page - 1)}; rel=\"prev\", {Page(1)}; rel=\"first\"");
        await Json(ctx, body, link.Count > 0 ? [("Link", string.Join(", ", link))] : []);
    }

    /// <summary>The qualifiers the tests use: <c>topic:x</c> (every repository has it) and <c>created:a..b</c>.</summary>
    private static bool Matches(FakeRepo r, string q)
    {
        foreach (var term in q.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!term.StartsWith("created:", StringComparison.Ordinal)) continue;
            var range = term["created:".Length..].Split("..");
            var from = DateOnly.ParseExact(range[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateOnly.ParseExact(range[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (r.Created < from || r.Created > to) return false;
        }
        return true;
    }

    public static JsonObject Repo(FakeRepo r)
    {
        var name = r.FullName.Split('/')[1];
        return new JsonObject
        {
            ["id"] = Math.Abs(r.FullName.GetHashCode(StringComparison.Ordinal)),
            ["node_id"] = "R_x",
            ["name"] = name,
            ["full_name"] = r.FullName,
            ["owner"] = new JsonObject { ["login"] = r.FullName.Split('/')[0] },
            ["html_url"] = "https://github.com/" + r.FullName,
            ["description"] = $"The {name} MCP server",
            ["homepage"] = "javascript:alert(1)",
            ["fork"] = false,
            ["archived"] = r.Archived,
            ["disabled"] = false,
            ["topics"] = new JsonArray("mcp-server", "mcp"),
            ["language"] = "TypeScript",
            ["license"] = new JsonObject { ["key"] = "mit", ["spdx_id"] = "MIT" },
            ["stargazers_count"] = r.Stars,
            ["forks_count"] = 3,
            ["default_branch"] = r.Branch,
            ["created_at"] = r.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T10:00:00Z",
            ["pushed_at"] = "2026-01-02T03:04:05Z",
            ["size"] = r.SizeKb,
            ["score"] = 1.0,
        };
    }

    /// <summary>A GitHub-style archive: top folder <c>owner-repo-shortsha/</c>, one tool snapshot named after the repository.</summary>
    public static byte[] Tarball(FakeRepo r)
    {
        var top = $"{r.FullName.Replace('/', '-')}-{r.Sha[..7]}/";
        var tool = "tool_" + r.FullName.Split('/')[1].Replace('-', '_').Replace('.', '_');
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gz, TarEntryFormat.Pax))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, top));
            var snap = "{\"name\":\"" + tool + "\",\"description\":\"Does the thing\",\"inputSchema\":{\"type\":\"object\",\"properties\":{}}}";
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, top + $"__toolsnaps__/{tool}.snap") { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(snap)) });
        }
        return buffer.ToArray();
    }

    private static async Task Json(HttpListenerContext ctx, JsonObject body, params (string, string)[] headers)
    {
        var text = body.ToJsonString();
        var etag = "W/\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20] + "\"";
        (string, string)[] all = [.. headers, ("ETag", etag), ("Content-Type", "application/json; charset=utf-8"), ("x-ratelimit-remaining", "4999"), ("x-ratelimit-reset", "0")];
        if (ctx.Request.Headers["If-None-Match"] == etag) { await Loopback.Send(ctx, 304, "", all); return; }
        await Loopback.Send(ctx, 200, text, all);
    }

    public static string Sha(int i) => Convert.ToHexStringLower(SHA1.HashData(BitConverter.GetBytes(i)));

    public void Dispose() => Server.Dispose();
}
