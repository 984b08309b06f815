using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;

namespace Catalog.Crawler.Tests;

/// <summary>The same server named by several sources is one server carrying each source's provenance.</summary>
public sealed class SourcesMergeTests
{
    private static readonly FakeTime Now = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    private const string List = """
        ## Server Implementations

        ### 📂 <a name="files"></a>Files

        - [owner1/server-1](https://github.com/Owner1/server-1.git#readme) 📇 🏠 - The registry's server, as the list spells it.
        - [solo/tool](https://github.com/solo/tool) 🐍 ☁️ - Only on GitHub and in the list.
        - [listed/only](https://github.com/listed/only) 🐍 - Only in the list.
        """;

    [Fact]
    public async Task One_server_from_the_registry_github_and_an_awesome_list_is_one_server_with_three_provenances()
    {
        using var registry = new FakeRegistry([FakeRegistry.Entry(1)]);
        using var github = new FakeGitHub([new FakeRepo("Owner1/Server-1", new DateOnly(2025, 3, 1), FakeGitHub.Sha(1)), new FakeRepo("solo/tool", new DateOnly(2025, 3, 2), FakeGitHub.Sha(2))]);
        using var list = new Loopback(ctx => Loopback.Send(ctx, 200, List));
        using var store = TestHttp.Store();
        var cache = TestPaths.TempDir();

        SourceRead[] reads =
        [
            await new RegistrySource(TestHttp.Fetcher(store), registry.Server.Url).ReadAsync(CancellationToken.None),
            await new GitHubSource(new GitHubClient(TestHttp.Fetcher(store), github.Server.Url, null), cache, clock: Now).ReadAsync(CancellationToken.None),
            await new AwesomeListSource(TestHttp.Fetcher(store), [list.Url + "README.md"]).ReadAsync(CancellationToken.None),
        ];
        Assert.All(reads, r => Assert.Empty(r.Errors));
        var merged = SourceMerger.Merge(reads, store.ServerForKey);
        SourceMerger.Save(store, merged);

        Assert.Equal(["github.com/listed/only", "github.com/solo/tool", "io.github.owner1/server-1"], merged.Select(m => m.Record.Server.Id));
        var one = merged.Single(m => m.Record.Server.Id == "io.github.owner1/server-1");
        Assert.Equal("registry+github+awesome", one.Record.Server.Source);
        Assert.Equal(["registry", "github", "awesome"], one.Sources.Select(s => s.Source));
        Assert.Equal("@owner1/server-1", Assert.IsType<NpmLaunch>(one.Record.Launch).Package);
        Assert.Equal(["awesome", "github", "registry"], store.GetServerSources("io.github.owner1/server-1").Select(s => s.Source));

        var solo = merged.Single(m => m.Record.Server.Id == "github.com/solo/tool");
        Assert.Equal("github+awesome", solo.Record.Server.Source);
        Assert.IsType<SourceTreeLaunch>(solo.Record.Launch);
        Assert.IsType<NoLaunch>(merged.Single(m => m.Record.Server.Id == "github.com/listed/only").Record.Launch);
    }

    [Fact]
    public async Task A_repository_only_an_awesome_list_names_is_read_from_github_and_gets_its_source_tree()
    {
        using var github = new FakeGitHub([new FakeRepo("listed/only", new DateOnly(2025, 3, 3), FakeGitHub.Sha(3))]);
        using var list = new Loopback(ctx => Loopback.Send(ctx, 200, List));
        using var store = TestHttp.Store();
        var awesome = await new AwesomeListSource(TestHttp.Fetcher(store), [list.Url + "README.md"]).ReadAsync(CancellationToken.None);

        var named = GitHubSource.ReposNamedBy([awesome]);
        var fromGitHub = await new GitHubSource(new GitHubClient(TestHttp.Fetcher(store), github.Server.Url, null), TestPaths.TempDir(),
            new GitHubSource.Settings { Query = null, Repos = named }, clock: Now).ReadAsync(CancellationToken.None);

        Assert.Equal(3, named.Count);
        var listed = SourceMerger.Merge([awesome, fromGitHub]).Single(m => m.Record.Server.Id == "github.com/listed/only");
        Assert.Equal("github+awesome", listed.Record.Server.Source);
        Assert.IsType<SourceTreeLaunch>(listed.Record.Launch);
        // The two the fake does not hold are that source's errors, not the list's.
        Assert.Equal(2, fromGitHub.Errors.Count);
    }

    [Fact]
    public async Task An_npm_link_on_an_html_page_joins_the_registry_server_that_publishes_that_package()
    {
        using var registry = new FakeRegistry([FakeRegistry.Entry(1)]);
        using var page = new Loopback(ctx => Loopback.Send(ctx, 200, """<ul><li><a href="https://www.npmjs.com/package/@owner1/server-1">server 1</a></li></ul>"""));
        SourceRead[] reads =
        [
            await new RegistrySource(TestHttp.Fetcher(), registry.Server.Url).ReadAsync(CancellationToken.None),
            await new HtmlDirectorySource(TestHttp.Fetcher(), [page.Url]).ReadAsync(CancellationToken.None),
        ];
        var one = Assert.Single(SourceMerger.Merge(reads));
        Assert.Equal("registry+html", one.Record.Server.Source);
    }
}
