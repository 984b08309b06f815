using System.Text.Json.Nodes;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;

namespace Catalog.Crawler.Tests;

public sealed class RegistrySourceTests
{
    private static Task<SourceRead> Read(FakeRegistry registry, RegistrySource.Settings? settings = null, Data.Store.CatalogStore? store = null) =>
        new RegistrySource(TestHttp.Fetcher(store), registry.Server.Url, settings).ReadAsync(CancellationToken.None);

    [Fact]
    public async Task A_registry_of_ten_thousand_servers_is_read_in_a_hundred_pages()
    {
        using var registry = new FakeRegistry(Enumerable.Range(0, 10_000).Select(i => FakeRegistry.Entry(i)));
        var read = await Read(registry);
        Assert.Empty(read.Errors);
        Assert.Equal(10_000, read.Records.Count);
        Assert.Equal(100, registry.Server.Requests.Count);
        Assert.All(read.Records, r => Assert.IsType<NpmLaunch>(r.Record.Launch));
        Assert.Equal("registry", read.Records[0].Record.Server.Source);
    }

    [Fact]
    public async Task The_cursor_is_sent_url_encoded()
    {
        using var registry = new FakeRegistry(Enumerable.Range(0, 150).Select(i => FakeRegistry.Entry(i)));
        await Read(registry);
        Assert.Contains(registry.Server.Requests, r => r.Contains("cursor=io.github.owner99%2Fserver-99%3A1.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Old_snake_case_documents_and_next_cursor_are_read()
    {
        var old = new JsonObject
        {
            ["server"] = new JsonObject
            {
                ["name"] = "io.github.old/snake", ["description"] = "old", ["version"] = "0.1.0",
                ["packages"] = new JsonArray(new JsonObject { ["registry_type"] = "npm", ["identifier"] = "snake-mcp", ["version"] = "0.1.0" }),
            },
            ["_meta"] = new JsonObject { ["io.modelcontextprotocol.registry/official"] = new JsonObject { ["status"] = "active", ["updated_at"] = "2025-07-01T00:00:00Z", ["is_latest"] = true } },
        };
        using var registry = new FakeRegistry([old, .. Enumerable.Range(0, 120).Select(i => FakeRegistry.Entry(i))]) { SnakeCase = true };
        var read = await Read(registry);
        Assert.Equal(121, read.Records.Count);
        Assert.Equal("snake-mcp", Assert.IsType<NpmLaunch>(read.Records.Single(r => r.SourceKey == "io.github.old/snake").Record.Launch).Package);
    }

    [Fact]
    public async Task Deleted_and_deprecated_statuses_are_kept_and_only_the_latest_version_counts()
    {
        using var registry = new FakeRegistry([
            FakeRegistry.Entry(1, "active", "2025-09-01T00:00:00Z", "1.0.0"),
            FakeRegistry.Entry(1, "active", "2025-09-02T00:00:00Z", "1.1.0"),
            FakeRegistry.Entry(2, "deleted"),
            FakeRegistry.Entry(3, "deprecated"),
        ]);
        registry.Server.Requests.Clear();
        var read = await Read(registry);
        Assert.Equal(3, read.Records.Count);
        Assert.Equal("1.1.0", read.Records.Single(r => r.SourceKey.Contains("owner1/", StringComparison.Ordinal)).Record.Server.Version);
        Assert.Equal("deleted", read.Records.Single(r => r.SourceKey.Contains("owner2/", StringComparison.Ordinal)).Status);
        Assert.Equal("deprecated", read.Records.Single(r => r.SourceKey.Contains("owner3/", StringComparison.Ordinal)).Status);
    }

    [Fact]
    public async Task An_incremental_run_sends_the_high_water_mark_and_gets_only_newer_servers()
    {
        using var registry = new FakeRegistry([
            FakeRegistry.Entry(1, updated: "2025-09-01T00:00:00Z"),
            FakeRegistry.Entry(2, updated: "2025-10-05T12:00:00Z"),
        ]);
        var full = await Read(registry);
        Assert.Equal("2025-10-05T12:00:00.000Z", full.State["updated_since"]);
        var incremental = await Read(registry, new RegistrySource.Settings { UpdatedSince = "2025-09-15T00:00:00.000Z" });
        Assert.Equal(["io.github.owner2/server-2"], incremental.Records.Select(r => r.SourceKey));
        Assert.Contains(registry.Server.Requests, r => r.Contains("updated_since=2025-09-15T00%3A00%3A00.000Z", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeating_cursor_ends_the_walk()
    {
        using var registry = new FakeRegistry([]);
        registry.Fault = async (_, ctx) =>
        {
            await Loopback.Send(ctx, 200, FakeRegistryPage(ctx.Request.QueryString["cursor"] is null ? 1 : 2, "same"));
            return true;
        };
        var read = await Read(registry);
        Assert.Contains(read.Errors, e => e.Message.Contains("repeated cursor", StringComparison.Ordinal));
        Assert.Equal(2, registry.Server.Requests.Count);
        Assert.Equal(2, read.Records.Count);
    }

    [Fact]
    public async Task Empty_next_cursor_and_missing_metadata_end_the_walk()
    {
        using var registry = new FakeRegistry([]);
        registry.Fault = async (n, ctx) =>
        {
            var body = n == 0 ? FakeRegistryPage(1, "") : FakeRegistryPage(2, null);
            await Loopback.Send(ctx, 200, body);
            return true;
        };
        var read = await Read(registry);
        Assert.Single(registry.Server.Requests);
        Assert.Single(read.Records);
    }

    [Fact]
    public async Task The_page_limit_bounds_a_registry_that_never_ends()
    {
        using var registry = new FakeRegistry([]);
        registry.Fault = async (n, ctx) => { await Loopback.Send(ctx, 200, FakeRegistryPage(n, $"c{n}")); return true; };
        var read = await Read(registry, new RegistrySource.Settings { MaxPages = 7 });
        Assert.Equal(7, registry.Server.Requests.Count);
        Assert.Contains(read.Errors, e => e.Message.Contains("7 pages", StringComparison.Ordinal));
        Assert.False(read.State.ContainsKey("updated_since"));
    }

    [Theory]
    [InlineData(429, "1")]
    [InlineData(429, null)]
    [InlineData(503, null)]
    [InlineData(403, "0")]
    public async Task Throttling_and_server_errors_are_retried(int status, string? retryAfter)
    {
        using var registry = new FakeRegistry(Enumerable.Range(0, 5).Select(i => FakeRegistry.Entry(i)));
        registry.Fault = async (n, ctx) =>
        {
            if (n > 1) return false;
            await Loopback.Send(ctx, status, """{"title":"slow down, secondary rate limit"}""", retryAfter is null ? [] : [("Retry-After", retryAfter)]);
            return true;
        };
        var read = await Read(registry);
        Assert.Empty(read.Errors);
        Assert.Equal(5, read.Records.Count);
    }

    [Fact]
    public async Task A_truncated_body_is_retried()
    {
        using var registry = new FakeRegistry(Enumerable.Range(0, 5).Select(i => FakeRegistry.Entry(i)));
        registry.Fault = async (n, ctx) =>
        {
            if (n > 0) return false;
            await Loopback.Truncated(ctx, FakeRegistryPage(1, null));
            return true;
        };
        var read = await Read(registry);
        Assert.Empty(read.Errors);
        Assert.Equal(5, read.Records.Count);
    }

    [Fact]
    public async Task A_malformed_page_stops_the_walk_with_an_error_and_keeps_what_was_read()
    {
        using var registry = new FakeRegistry([]);
        registry.Fault = async (n, ctx) =>
        {
            await Loopback.Send(ctx, 200, n == 0 ? FakeRegistryPage(1, "next") : """{"servers": [{"server": {"name": """);
            return true;
        };
        var read = await Read(registry);
        Assert.Single(read.Records);
        Assert.Contains(read.Errors, e => e.Message.StartsWith("malformed JSON", StringComparison.Ordinal));
        Assert.Empty(read.State);
    }

    [Fact]
    public async Task A_persistent_server_error_gives_up_with_an_error()
    {
        using var registry = new FakeRegistry([]);
        registry.Fault = async (_, ctx) => { await Loopback.Send(ctx, 500, "oops"); return true; };
        var read = await Read(registry);
        Assert.Empty(read.Records);
        Assert.Contains(read.Errors, e => e.Message.Contains("gave up after 4 attempts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Re_crawling_an_unchanged_registry_is_answered_304()
    {
        using var store = TestHttp.Store();
        using var registry = new FakeRegistry(Enumerable.Range(0, 2_000).Select(i => FakeRegistry.Entry(i)));
        var fetcher = TestHttp.Fetcher(store);
        var first = await new RegistrySource(fetcher, registry.Server.Url).ReadAsync(CancellationToken.None);
        var before = fetcher.Counters;
        var second = await new RegistrySource(fetcher, registry.Server.Url).ReadAsync(CancellationToken.None);
        var requests = fetcher.Counters.Requests - before.Requests;
        var notModified = fetcher.Counters.NotModified - before.NotModified;
        Assert.Equal(first.Records.Count, second.Records.Count);
        Assert.True(notModified >= 0.95 * requests, $"{notModified} of {requests} answered 304");
    }

    private static string FakeRegistryPage(int i, string? next)
    {
        var metadata = new JsonObject { ["count"] = 1 };
        if (next is not null) metadata["nextCursor"] = next;
        var root = new JsonObject { ["servers"] = new JsonArray(FakeRegistry.Entry(i)) };
        if (i != 2 || next is not null) root["metadata"] = metadata;
        return root.ToJsonString();
    }
}
