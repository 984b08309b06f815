using System.Diagnostics;
using System.Net;
using System.Text;
using Catalog.Crawler.Introspection;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sandbox;
using Catalog.Crawler.Sources;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Crawler.Tests;

/// <summary>
/// Remote introspection over Streamable HTTP and SSE, against the real server-everything and small loopback servers
/// that refuse, hang, flood or answer garbage. Only 127.0.0.1 is ever contacted.
/// </summary>
public sealed class RemoteIntrospectionTests : IDisposable
{
    private static readonly IntrospectionLimits Quick = new()
    {
        StartTimeout = TimeSpan.FromSeconds(3),
        RequestTimeout = TimeSpan.FromSeconds(3),
        TotalTimeout = TimeSpan.FromSeconds(8),
    };

    private readonly string _dir = TestPaths.TempDir();
    private readonly CatalogStore _store;

    public RemoteIntrospectionTests()
    {
        _store = CatalogStore.Open(Path.Combine(_dir, "catalog.db"));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static RemoteLaunch Local(Uri url, RemoteTransport transport = RemoteTransport.StreamableHttp, Dictionary<string, string>? headers = null) =>
        new(url, transport, headers ?? [], AllowPrivateNetwork: true);

    private static Task<IntrospectionResult> Introspect(RemoteLaunch launch, IntrospectionLimits? limits = null) =>
        new RemoteIntrospector(limits ?? Quick).IntrospectAsync(launch, CancellationToken.None);

    private static async Task<List<string>> StdioToolNames()
    {
        var home = Directory.CreateTempSubdirectory("catalog-home-").FullName;
        try
        {
            var result = await new LiveIntrospector(Quick with { StartTimeout = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(40) })
                .IntrospectAsync("node", [EverythingServer.Bin(), "stdio"], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = home }, CancellationToken.None);
            Assert.True(result.Status == AttemptStatus.Ok, result.Error);
            return result.Tools.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task Streamable_http_lists_the_same_tools_as_stdio_and_the_crawl_stores_them()
    {
        using var server = await EverythingServer.StartAsync("streamableHttp");
        var record = new SourceRecord(new Server("test/everything-http", "everything", null, null, null, null, null, [], "test", "{}"),
            Local(new Uri($"http://127.0.0.1:{server.Port}/mcp")));
        var options = new CrawlOptions { Concurrency = 1, CacheDirectory = Path.Combine(_dir, "cache"), Sandbox = new SandboxOptions { Enabled = false }, Limits = Quick };

        var summary = await new ServerCrawler(_store, options).RunAsync(new SourceResult([record], []), "test:remote", null, CancellationToken.None);

        var attempt = _store.LatestAttempts()["test/everything-http"];
        Assert.True(attempt.Status == AttemptStatus.Ok, attempt.Error);
        Assert.Equal(1, summary.Ok);
        var remote = _store.GetTools("test/everything-http").Select(t => t.Definition.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("echo", remote);
        Assert.Equal(await StdioToolNames(), remote);
    }

    [Fact]
    public async Task Sse_lists_the_same_tools_as_stdio()
    {
        using var server = await EverythingServer.StartAsync("sse");

        var result = await Introspect(Local(new Uri($"http://127.0.0.1:{server.Port}/sse"), RemoteTransport.Sse));

        Assert.True(result.Status == AttemptStatus.Ok, result.Error);
        Assert.Equal(await StdioToolNames(), result.Tools.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Auto_detect_falls_back_to_sse()
    {
        using var server = await EverythingServer.StartAsync("sse");

        var result = await Introspect(Local(new Uri($"http://127.0.0.1:{server.Port}/sse"), RemoteTransport.AutoDetect));

        Assert.True(result.Status == AttemptStatus.Ok, result.Error);
        Assert.Contains("echo", result.Tools.Select(t => t.Name));
    }

    [Fact]
    public async Task A_401_with_an_oauth_challenge_is_a_needs_auth_attempt_and_the_secret_is_not_in_it()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var server = new Loopback(ctx =>
        {
            seen.Enqueue(ctx.Request.Headers["Authorization"] ?? "");
            return Loopback.Send(ctx, 401, "{\"error\":\"invalid_token\",\"echo\":\"" + ctx.Request.Headers["Authorization"] + "\"}",
                ("WWW-Authenticate", "Bearer resource_metadata=\"http://127.0.0.1/.well-known/oauth-protected-resource\""),
                ("Content-Type", "application/json"));
        });
        var record = new SourceRecord(new Server("test/auth", "auth", null, null, null, null, null, [], "test", "{}"),
            Local(new Uri(server.Url, "mcp"), headers: new() { ["Authorization"] = "Bearer sk-live-very-secret" }));
        var options = new CrawlOptions { Concurrency = 1, CacheDirectory = Path.Combine(_dir, "cache"), Sandbox = new SandboxOptions { Enabled = false }, Limits = Quick };

        var summary = await new ServerCrawler(_store, options).RunAsync(new SourceResult([record], []), "test:auth", null, CancellationToken.None);

        var attempt = _store.LatestAttempts()["test/auth"];
        Assert.Equal(AttemptStatus.NeedsAuth, attempt.Status);
        Assert.Equal(1, summary.Skipped);
        Assert.StartsWith("needs auth: HTTP 401 Unauthorized (Bearer resource_metadata=", attempt.Error);
        Assert.Contains("Bearer sk-live-very-secret", seen);
        Assert.DoesNotContain("sk-live-very-secret", attempt.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_without_a_challenge_also_needs_auth()
    {
        using var server = new Loopback(ctx => Loopback.Send(ctx, 403, "forbidden"));

        var result = await Introspect(Local(new Uri(server.Url, "mcp")));

        Assert.Equal((AttemptStatus.NeedsAuth, "needs auth: HTTP 403 Forbidden"), (result.Status, result.Error));
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_within_the_start_timeout()
    {
        using var server = new Loopback(async ctx => await Task.Delay(TimeSpan.FromSeconds(30)));
        var clock = Stopwatch.StartNew();

        var result = await Introspect(Local(new Uri(server.Url, "mcp")));

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.Equal("no answer to initialize within 3s", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("text/html", "<html><body>Welcome to nginx!</body></html>")]
    [InlineData("application/json", "{\"hello\": [1, 2, 3")]
    [InlineData("text/event-stream", "data: not json at all\n\n")]
    public async Task Garbage_in_place_of_mcp_is_a_failed_attempt(string contentType, string body)
    {
        using var server = new Loopback(ctx => Loopback.Send(ctx, 200, body, ("Content-Type", contentType)));

        var result = await Introspect(Local(new Uri(server.Url, "mcp")));

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.StartsWith("no MCP answer to initialize: ", result.Error);
    }

    [Fact]
    public async Task A_server_that_floods_is_cut_off_at_the_byte_cap()
    {
        using var server = new Loopback(async ctx =>
        {
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "text/event-stream";
            ctx.Response.SendChunked = true;
            var chunk = Encoding.UTF8.GetBytes(": " + new string('x', 64 * 1024) + "\n");
            for (var i = 0; i < 10_000; i++) await ctx.Response.OutputStream.WriteAsync(chunk);
        });

        var result = await Introspect(Local(new Uri(server.Url, "mcp")), Quick with { MaxStdoutBytes = 1024 * 1024 });

        Assert.Equal((AttemptStatus.Failed, "server sent over 1 MiB during initialize"), (result.Status, result.Error));
    }

    [Fact]
    public async Task A_registry_remote_may_not_reach_loopback()
    {
        using var server = new Loopback(ctx => Loopback.Send(ctx, 200, "{}"));

        var result = await Introspect(new RemoteLaunch(new Uri(server.Url, "mcp"), RemoteTransport.StreamableHttp, new Dictionary<string, string>()));

        Assert.Equal((AttemptStatus.Failed, "refused: '127.0.0.1' resolves only to loopback, private or link-local addresses"), (result.Status, result.Error));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_refused_without_connecting()
    {
        var result = await Introspect(Local(new Uri("file:///etc/passwd")));

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.StartsWith("refused: remote URL must be http or https", result.Error);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700::1111", true)]
    public void Only_public_addresses_are_reachable_for_registry_remotes(string address, bool isPublic) =>
        Assert.Equal(isPublic, NetworkGuard.IsPublic(IPAddress.Parse(address)));
}
