using System.Globalization;
using System.Net;
using Catalog.Crawler.Http;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;
using Catalog.Crawler.Static;
using Catalog.Data.Store;

namespace Catalog.Crawler.Tests;

public sealed class GitHubSourceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2025, 6, 1);
    private static readonly FakeTime Now = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    private static IEnumerable<FakeRepo> Repos(int count, int perDay = 1) =>
        Enumerable.Range(0, count).Select(i => new FakeRepo($"owner{i}/server-{i}", Day.AddDays(i / perDay), FakeGitHub.Sha(i)));

    private static (GitHubSource Source, HttpFetcher Http) Source(FakeGitHub github, CatalogStore? store, string cache,
        GitHubSource.Settings? settings = null, HttpFetchOptions? options = null, string? token = null)
    {
        var http = TestHttp.Fetcher(store, options);
        var client = new GitHubClient(http, github.Server.Url, token);
        return (new GitHubSource(client, cache, settings, Now), http);
    }

    [Fact]
    public async Task A_search_under_a_thousand_results_is_read_by_following_next_links_and_each_repo_gets_its_commit_tree()
    {
        using var github = new FakeGitHub(Repos(250));
        using var store = TestHttp.Store();
        var (source, _) = Source(github, store, TestPaths.TempDir());
        var read = await source.ReadAsync(CancellationToken.None);
        Assert.Empty(read.Errors);
        Assert.Equal(250, read.Records.Count);
        Assert.Equal(3, github.SearchRequests);
        var first = read.Records.Single(r => r.SourceKey == "owner0/server-0");
        Assert.Equal("github.com/owner0/server-0", first.Record.Server.Id);
        Assert.Equal("https://github.com/owner0/server-0", first.Record.Server.RepositoryUrl);
        var tree = Assert.IsType<SourceTreeLaunch>(first.Record.Launch);
        Assert.EndsWith(Path.Combine("github", "owner0", "server-0@" + FakeGitHub.Sha(0)), tree.Folder, StringComparison.Ordinal);
        Assert.Equal(["tool_server_0"], StaticExtractor.Extract(tree.Folder).Select(t => t.Definition.Name));
    }

    [Fact]
    public async Task Repository_metadata_goes_into_the_document_under_the_catalogs_own_meta_key()
    {
        using var github = new FakeGitHub([new FakeRepo("Acme/Weather-MCP", Day, FakeGitHub.Sha(1), Stars: 4242)]);
        var (source, _) = Source(github, null, TestPaths.TempDir());
        var record = Assert.Single((await source.ReadAsync(CancellationToken.None)).Records).Record.Server;
        using var doc = System.Text.Json.JsonDocument.Parse(record.Document);
        var meta = doc.RootElement.GetProperty("_meta").GetProperty(GitHubSource.MetaKey);
        Assert.Equal(4242, meta.GetProperty("stars").GetInt64());
        Assert.Equal("MIT", meta.GetProperty("license").GetString());
        Assert.False(meta.GetProperty("archived").GetBoolean());
        Assert.Equal("main", meta.GetProperty("defaultBranch").GetString());
        Assert.Equal("2026-01-02T03:04:05Z", meta.GetProperty("pushedAt").GetString());
        Assert.Equal(FakeGitHub.Sha(1), meta.GetProperty("commit").GetString());
        Assert.Equal("io.github.acme/weather-mcp", doc.RootElement.GetProperty("name").GetString());
        Assert.Null(record.WebsiteUrl); // the fake's homepage is javascript:, which is dropped
    }

    [Fact]
    public async Task Archived_repositories_get_status_archived()
    {
        using var github = new FakeGitHub([new FakeRepo("a/live", Day, FakeGitHub.Sha(1)), new FakeRepo("a/old", Day, FakeGitHub.Sha(2), Archived: true)]);
        var (source, _) = Source(github, null, TestPaths.TempDir());
        var read = await source.ReadAsync(CancellationToken.None);
        Assert.Equal(["active", "archived"], read.Records.Select(r => r.Status));
    }

    [Fact]
    public async Task A_query_past_a_thousand_results_is_split_on_created_ranges_until_each_part_fits()
    {
        // 2,600 repositories, 20 created per day: every range the walk reads must hold at most 1,000.
        using var github = new FakeGitHub(Repos(2600, perDay: 20));
        var (source, _) = Source(github, null, TestPaths.TempDir(), new GitHubSource.Settings { Tarballs = false });
        var read = await source.ReadAsync(CancellationToken.None);
        Assert.Empty(read.Errors);
        Assert.Equal(2600, read.Records.Count);
        Assert.Equal(2600, read.Records.Select(r => r.SourceKey).Distinct().Count());
        var created = github.Log.Select(l => Uri.UnescapeDataString(l.Path)).Where(p => p.Contains("created:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(created);
        Assert.DoesNotContain(github.Log, l => l.Path.Contains("page=11", StringComparison.Ordinal));
    }

    [Fact]
    public async Task More_than_a_thousand_repositories_created_on_one_day_is_reported_and_the_first_thousand_are_read()
    {
        using var github = new FakeGitHub(Repos(1100, perDay: 1100));
        var (source, _) = Source(github, null, TestPaths.TempDir(), new GitHubSource.Settings { Tarballs = false });
        var read = await source.ReadAsync(CancellationToken.None);
        Assert.Equal(1000, read.Records.Count);
        var error = Assert.Single(read.Errors);
        Assert.Contains("1100 repositories created on one day", error.Message, StringComparison.Ordinal);
        Assert.Contains("created:2025-06-01..2025-06-01", error.Where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recrawling_unchanged_fixtures_is_answered_with_304s_and_downloads_no_tarball_twice()
    {
        using var github = new FakeGitHub(Repos(1500, perDay: 10).Take(1500).Select((r, i) => i < 40 ? r : r with { SizeKb = 999_999 }));
        using var store = TestHttp.Store();
        var cache = TestPaths.TempDir();
        var (first, _) = Source(github, store, cache);
        var read1 = await first.ReadAsync(CancellationToken.None);
        Assert.Empty(read1.Errors);
        Assert.Equal(40, github.TarballRequests);
        Assert.Equal(40, read1.Records.Count(r => r.Record.Launch is SourceTreeLaunch));

        var (second, http) = Source(github, store, cache);
        var read2 = await second.ReadAsync(CancellationToken.None);
        Assert.Equal(1500, read2.Records.Count);
        Assert.Equal(40, github.TarballRequests);
        Assert.Equal(0, second.TarballDownloads);
        var (requests, notModified) = http.Counters;
        output.WriteLine($"re-crawl: {notModified} of {requests} conditional requests answered 304 ({github.SearchRequests} search requests over both runs); tarball requests {github.TarballRequests}");
        Assert.True(requests > 0);
        Assert.True(notModified >= requests * 0.95, $"{notModified} of {requests} conditional requests answered 304");
        Assert.Equal(requests, notModified);
    }

    [Fact]
    public async Task A_new_commit_on_the_default_branch_downloads_that_commit_once()
    {
        using var github = new FakeGitHub([new FakeRepo("a/b", Day, FakeGitHub.Sha(1))]);
        using var store = TestHttp.Store();
        var cache = TestPaths.TempDir();
        await Source(github, store, cache).Source.ReadAsync(CancellationToken.None);
        github.Replace(new FakeRepo("a/b", Day, FakeGitHub.Sha(2)));
        var read = await Source(github, store, cache).Source.ReadAsync(CancellationToken.None);
        await Source(github, store, cache).Source.ReadAsync(CancellationToken.None);
        Assert.Equal(2, github.TarballRequests);
        Assert.EndsWith("b@" + FakeGitHub.Sha(2), Assert.IsType<SourceTreeLaunch>(read.Records[0].Record.Launch).Folder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_sent_as_a_bearer_header_to_the_api_and_appears_in_no_error()
    {
        using var github = new FakeGitHub([new FakeRepo("a/b", Day, FakeGitHub.Sha(1))]);
        github.Fault = async (_, ctx) =>
        {
            if (!ctx.Request.RawUrl!.Contains("/branches/", StringComparison.Ordinal)) return false;
            await Loopback.Send(ctx, 404, """{"message":"Branch not found"}""");
            return true;
        };
        var (source, _) = Source(github, null, TestPaths.TempDir(), token: "ghp_secret123");
        var read = await source.ReadAsync(CancellationToken.None);
        Assert.All(github.Log, l => Assert.Equal("Bearer ghp_secret123", l.Authorization));
        var error = Assert.Single(read.Errors);
        Assert.Equal("a/b", error.Where);
        Assert.Equal("HTTP 404", error.Message);
        Assert.DoesNotContain("ghp_secret123", read.Records[0].Record.Server.Document, StringComparison.Ordinal);
        Assert.IsType<NoLaunch>(read.Records[0].Record.Launch);
    }

    [Fact]
    public async Task The_tarball_redirect_to_another_path_is_followed_without_the_token()
    {
        using var github = new FakeGitHub([new FakeRepo("a/b", Day, FakeGitHub.Sha(1))]);
        var (source, _) = Source(github, null, TestPaths.TempDir(), token: "ghp_secret123");
        var read = await source.ReadAsync(CancellationToken.None);
        Assert.IsType<SourceTreeLaunch>(read.Records[0].Record.Launch);
        var codeload = Assert.Single(github.Log, l => l.Path.StartsWith("/codeload/", StringComparison.Ordinal));
        Assert.Null(codeload.Authorization);
    }

    [Fact]
    public async Task Explicitly_named_repositories_are_read_with_repos_endpoint_and_bad_names_are_reported()
    {
        using var github = new FakeGitHub([new FakeRepo("Acme/Tools", Day, FakeGitHub.Sha(1))]);
        var (source, _) = Source(github, null, TestPaths.TempDir(),
            new GitHubSource.Settings { Query = null, Repos = ["https://github.com/acme/tools.git", "acme/missing", "not a repo"] });
        var read = await source.ReadAsync(CancellationToken.None);
        Assert.Equal(["acme/tools"], read.Records.Select(r => r.SourceKey));
        Assert.Equal(["acme/missing: HTTP 404", "not a repo: not a GitHub owner/repo"], read.Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, github.SearchRequests);
    }
}

/// <summary>A clock fixed at one instant (the search grid never reaches past "today").</summary>
internal sealed class FakeTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
