using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Catalog.Crawler.Http;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;

namespace Catalog.Crawler.Tests;

/// <summary>How the GitHub source lives through what GitHub really answers: limits, 5xx, broken bodies, odd links.</summary>
public sealed class GitHubFailureTests
{
    private static readonly DateOnly Day = new(2025, 6, 1);
    private static readonly FakeTime Now = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Real waits, but short: a retry-after of one second is honoured, not capped away.</summary>
    private static readonly HttpFetchOptions Patient = TestHttp.Fast with { MaxDelay = TimeSpan.FromSeconds(4) };

    private static FakeRepo Repo(int i) => new($"owner{i}/server-{i}", Day.AddDays(i), FakeGitHub.Sha(i));

    private static Task<SourceRead> Read(FakeGitHub github, HttpFetchOptions? options = null, GitHubSource.Settings? settings = null) =>
        new GitHubSource(new GitHubClient(TestHttp.Fetcher(null, options), github.Server.Url, "t0ken"), TestPaths.TempDir(), settings, Now)
            .ReadAsync(CancellationToken.None);

    private static string SearchBody(params FakeRepo[] repos) =>
        new JsonObject { ["total_count"] = repos.Length, ["incomplete_results"] = false, ["items"] = new JsonArray(repos.Select(r => (JsonNode)FakeGitHub.Repo(r)).ToArray()) }.ToJsonString();

    private static Func<int, HttpListenerContext, Task<bool>> OnRequest(int n, Func<HttpListenerContext, Task> answer) => async (i, ctx) =>
    {
        if (i != n) return false;
        await answer(ctx);
        return true;
    };

    private static TimeSpan Gap(FakeGitHub github, int after) => github.Log.ElementAt(after + 1).At - github.Log.ElementAt(after).At;

    private const string Secondary = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""";

    [Fact]
    public async Task A_secondary_rate_limit_with_retry_after_is_waited_out_then_retried()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 403, Secondary, ("retry-after", "1"), ("x-ratelimit-remaining", "4000")));
        var read = await Read(github, Patient);
        Assert.Empty(read.Errors);
        Assert.Single(read.Records);
        Assert.Equal(2, github.SearchRequests);
        Assert.True(Gap(github, 0) >= TimeSpan.FromMilliseconds(950), $"waited {Gap(github, 0).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_secondary_rate_limit_without_retry_after_waits_the_secondary_pause()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 403, Secondary, ("x-ratelimit-remaining", "4000")));
        var read = await Read(github, Patient with { SecondaryLimitDelay = TimeSpan.FromMilliseconds(600) });
        Assert.Empty(read.Errors);
        Assert.Single(read.Records);
        Assert.True(Gap(github, 0) >= TimeSpan.FromMilliseconds(550), $"waited {Gap(github, 0).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_it()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 429, """{"message":"Too Many Requests"}""", ("retry-after", "1")));
        var read = await Read(github, Patient);
        Assert.Empty(read.Errors);
        Assert.True(Gap(github, 0) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_primary_limit_403_with_remaining_zero_waits_until_the_reset()
    {
        using var github = new FakeGitHub([Repo(1)]);
        var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2;
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 403, """{"message":"API rate limit exceeded"}""",
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture))));
        var read = await Read(github, Patient);
        Assert.Empty(read.Errors);
        Assert.True(github.Log.ElementAt(1).At >= DateTimeOffset.FromUnixTimeSeconds(reset).AddMilliseconds(-50), "retried before the reset");
    }

    [Fact]
    public async Task A_spent_quota_on_a_good_answer_holds_the_next_request_until_the_reset()
    {
        using var github = new FakeGitHub([Repo(1)]);
        var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 2;
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 200, SearchBody(Repo(1)),
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture))));
        var read = await Read(github, Patient);
        Assert.Empty(read.Errors);
        Assert.Equal("/repos/owner1/server-1/branches/main", github.Log.ElementAt(1).Path);
        Assert.True(github.Log.ElementAt(1).At >= DateTimeOffset.FromUnixTimeSeconds(reset).AddMilliseconds(-50), "asked before the reset");
    }

    [Fact]
    public async Task A_reset_far_away_is_waited_for_at_most_the_cap()
    {
        using var github = new FakeGitHub([Repo(1)]);
        var reset = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600;
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 200, SearchBody(Repo(1)),
            ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset.ToString(CultureInfo.InvariantCulture))));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var read = await Read(github, TestHttp.Fast);
        Assert.Empty(read.Errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Server_errors_then_success_are_retried()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = async (i, ctx) =>
        {
            if (i > 1) return false;
            await Loopback.Send(ctx, i == 0 ? 502 : 503, "<html>Bad gateway</html>");
            return true;
        };
        var read = await Read(github);
        Assert.Empty(read.Errors);
        Assert.Equal(3, github.SearchRequests);
        Assert.IsType<SourceTreeLaunch>(Assert.Single(read.Records).Record.Launch);
    }

    [Fact]
    public async Task A_search_that_keeps_failing_is_a_recorded_error_not_an_exception()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = async (_, ctx) => { await Loopback.Send(ctx, 500, "oops"); return true; };
        var read = await Read(github);
        Assert.Empty(read.Records);
        Assert.Equal("search 'topic:mcp-server': gave up after 4 attempts: HTTP 500", Assert.Single(read.Errors).ToString());
    }

    [Fact]
    public async Task A_plain_403_is_an_answer_and_not_retried()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = async (_, ctx) => { await Loopback.Send(ctx, 403, """{"message":"Resource not accessible"}"""); return true; };
        var read = await Read(github);
        Assert.Equal("HTTP 403", Assert.Single(read.Errors).Message);
        Assert.Equal(1, github.SearchRequests);
    }

    [Fact]
    public async Task A_truncated_body_is_fetched_again()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = OnRequest(0, ctx => Loopback.Truncated(ctx, SearchBody(Repo(1))));
        var read = await Read(github);
        Assert.Empty(read.Errors);
        Assert.Single(read.Records);
    }

    [Fact]
    public async Task A_malformed_search_page_is_reported_and_the_pages_after_it_are_still_read()
    {
        using var github = new FakeGitHub(Enumerable.Range(0, 250).Select(Repo));
        github.Fault = async (_, ctx) =>
        {
            if (!ctx.Request.RawUrl!.Contains("page=2", StringComparison.Ordinal)) return false;
            var next = $"<{github.Server.Url}search/repositories?q=topic%3Amcp-server&per_page=100&page=3>; rel=\"next\"";
            await Loopback.Send(ctx, 200, """{"total_count":250,"items":[{"full_name":""", ("Link", next));
            return true;
        };
        var read = await Read(github, settings: new GitHubSource.Settings { Tarballs = false });
        var error = Assert.Single(read.Errors);
        Assert.Equal("search 'topic:mcp-server' page 2", error.Where);
        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(150, read.Records.Count);
        Assert.Contains(read.Records, r => r.SourceKey == "owner99/server-99"); // the last entry of page 3
    }

    [Fact]
    public async Task A_malformed_repository_in_a_page_skips_that_entry_only()
    {
        using var github = new FakeGitHub([]);
        github.Fault = OnRequest(0, ctx =>
        {
            var body = JsonNode.Parse(SearchBody(Repo(1), Repo(2), Repo(3)))!;
            body["items"]![1]!["stargazers_count"] = "lots";
            body["items"]![2]!["full_name"] = "../../etc";
            return Loopback.Send(ctx, 200, body.ToJsonString());
        });
        var read = await Read(github, settings: new GitHubSource.Settings { Tarballs = false });
        Assert.Equal(["owner1/server-1"], read.Records.Select(r => r.SourceKey));
        Assert.Equal(2, read.Errors.Count);
        Assert.StartsWith("malformed repository", read.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("repository without a valid full_name", read.Errors[1].Message);
    }

    [Fact]
    public async Task A_malformed_branch_answer_leaves_that_repository_without_a_tree_and_the_others_with_theirs()
    {
        using var github = new FakeGitHub([Repo(1), Repo(2)]);
        github.Fault = async (_, ctx) =>
        {
            if (ctx.Request.RawUrl != "/repos/owner1/server-1/branches/main") return false;
            await Loopback.Send(ctx, 200, """{"name":"main","commit":{"sha":""");
            return true;
        };
        var read = await Read(github);
        var error = Assert.Single(read.Errors);
        Assert.Equal("owner1/server-1", error.Where);
        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.IsType<NoLaunch>(read.Records[0].Record.Launch);
        Assert.IsType<SourceTreeLaunch>(read.Records[1].Record.Launch);
    }

    [Fact]
    public async Task A_corrupt_tarball_is_reported_for_that_repository()
    {
        using var github = new FakeGitHub([Repo(1)]);
        github.Fault = async (_, ctx) =>
        {
            if (!ctx.Request.RawUrl!.StartsWith("/codeload/", StringComparison.Ordinal)) return false;
            await Loopback.Send(ctx, 200, "this is not gzip");
            return true;
        };
        var read = await Read(github);
        Assert.StartsWith("tarball: unreadable archive", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
        Assert.IsType<NoLaunch>(read.Records[0].Record.Launch);
    }

    [Fact]
    public async Task A_first_page_without_a_link_header_is_the_only_page()
    {
        using var github = new FakeGitHub(Enumerable.Range(0, 250).Select(Repo));
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 200, SearchBody([.. Enumerable.Range(0, 100).Select(Repo)])));
        var read = await Read(github, settings: new GitHubSource.Settings { Tarballs = false });
        Assert.Empty(read.Errors);
        Assert.Equal(100, read.Records.Count);
        Assert.Equal(1, github.SearchRequests);
    }

    [Fact]
    public async Task The_last_page_ends_the_walk_even_when_it_carries_prev_and_first_links()
    {
        using var github = new FakeGitHub(Enumerable.Range(0, 300).Select(Repo));
        var read = await Read(github, settings: new GitHubSource.Settings { Tarballs = false });
        Assert.Equal(300, read.Records.Count);
        Assert.Equal(3, github.SearchRequests);
        Assert.DoesNotContain(github.Log, l => l.Path.Contains("page=4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_not_followed_so_the_token_stays_home()
    {
        using var elsewhere = new Loopback(ctx => Loopback.Send(ctx, 200, SearchBody(Repo(9))));
        using var github = new FakeGitHub([]);
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 200, SearchBody(Repo(1)),
            ("Link", $"<{elsewhere.Url.AbsoluteUri.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}search?page=2>; rel=\"next\"")));
        var read = await Read(github, settings: new GitHubSource.Settings { Tarballs = false });
        Assert.Equal(["owner1/server-1"], read.Records.Select(r => r.SourceKey));
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Incomplete_results_are_reported()
    {
        using var github = new FakeGitHub([]);
        github.Fault = OnRequest(0, ctx => Loopback.Send(ctx, 200, SearchBody(Repo(1)).Replace("\"incomplete_results\":false", "\"incomplete_results\":true", StringComparison.Ordinal)));
        var read = await Read(github, settings: new GitHubSource.Settings { Tarballs = false });
        Assert.Single(read.Records);
        Assert.Contains("incomplete", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }
}
