using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;

namespace Catalog.Crawler.Tests;

public sealed class AwesomeListTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.Root, "tests", "Catalog.Crawler.Tests", "fixtures", "awesome", name);

    private static (IReadOnlyList<AwesomeEntry> Entries, IReadOnlyList<SourceError> Errors) Punkpeye() =>
        AwesomeListParser.Parse(File.ReadAllText(Fixture("punkpeye-irregular.md")), "punkpeye");

    private static AwesomeEntry Entry(string key) => Punkpeye().Entries.Single(e => e.Key == key);

    [Fact]
    public void Every_server_entry_is_found_once_and_frameworks_tips_and_table_of_contents_links_are_not()
    {
        var (entries, _) = Punkpeye();
        Assert.Equal(
        [
            "github.com/sneaky/in-toc", "github.com/julien040/anyquery", "github.com/awslabs/mcp", "github.com/zafronix/wc-mcp",
            "github.com/after/dash", "github.com/no/dash", "github.com/double/space", "github.com/executeautomation/mcp-playwright",
            "github.com/polygon-io/mcp_polygon", "github.com/thelunarcompany/lunar/mcpx", "github.com/readme/fragment",
            "gitlab.wikimedia.org/repos/mcp/server", "pricepertoken.com/mcp", "github.com/emoji/zwj", "github.com/ruby/gem",
        ], entries.Select(e => e.Key));
    }

    [Fact]
    public void A_javascript_link_is_reported_and_skipped()
    {
        var error = Assert.Single(Punkpeye().Errors);
        Assert.Equal("punkpeye:33", error.Where);
        Assert.Contains("not an http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_category_is_the_heading_above_without_its_emoji_and_anchor()
    {
        var e = Entry("github.com/awslabs/mcp");
        Assert.Equal(["Aggregators"], e.Categories);
        Assert.Equal("aggregators", e.Anchor);
        Assert.Equal(["Server Implementations"], Entry("github.com/sneaky/in-toc").Categories);
    }

    [Fact]
    public void A_repeated_entry_keeps_its_first_place_and_gains_the_second_category()
    {
        var e = Entry("github.com/julien040/anyquery");
        Assert.Equal(["Aggregators", "Art & Culture"], e.Categories);
        Assert.Equal("Query more than 40 apps with one binary using SQL.", e.Description);
    }

    [Theory]
    [InlineData("github.com/julien040/anyquery", "go", "local,cloud", "", false)]
    [InlineData("github.com/awslabs/mcp", "", "cloud", "", true)]
    [InlineData("github.com/zafronix/wc-mcp", "typescript", "local,cloud", "macos,windows,linux", false)]
    [InlineData("github.com/after/dash", "python", "cloud", "", false)]
    [InlineData("github.com/no/dash", "typescript", "cloud", "", false)]
    [InlineData("github.com/double/space", "python,typescript", "cloud,local", "", false)]
    [InlineData("github.com/executeautomation/mcp-playwright", "", "cloud", "", true)]
    [InlineData("github.com/readme/fragment", "csharp", "local", "", false)]
    [InlineData("github.com/emoji/zwj", "python", "", "", false)]
    [InlineData("github.com/ruby/gem", "ruby,java,c/c++,rust", "embedded", "", false)]
    public void Legend_emojis_are_read_wherever_they_sit(string key, string languages, string scopes, string platforms, bool official)
    {
        var e = Entry(key);
        Assert.Equal(languages, string.Join(',', e.Languages));
        Assert.Equal(scopes, string.Join(',', e.Scopes));
        Assert.Equal(platforms, string.Join(',', e.Platforms));
        Assert.Equal(official, e.Official);
    }

    [Theory]
    [InlineData("github.com/zafronix/wc-mcp", "zafronix/wc-mcp", "Every FIFA World Cup since 1930.")]
    [InlineData("github.com/after/dash", "after/dash", "Emojis after the dash.")]
    [InlineData("github.com/no/dash", "no/dash", "MCP server to interact with Quran.com without a dash.")]
    [InlineData("github.com/polygon-io/mcp_polygon", "polygon-io/mcp_polygon", "Malformed stray parenthesis.")]
    [InlineData("github.com/executeautomation/mcp-playwright", "executeautomation/playwright-mcp-server", "Link text different from the repository.")]
    public void Names_and_descriptions_come_out_clean(string key, string name, string description)
    {
        var e = Entry(key);
        Assert.Equal(name, e.Name);
        Assert.Equal(description, e.Description);
    }

    [Fact]
    public void Links_are_normalised_to_the_repository_with_monorepo_subfolders_kept()
    {
        Assert.Equal("https://github.com/executeautomation/mcp-playwright", Entry("github.com/executeautomation/mcp-playwright").RepositoryUrl);
        Assert.Equal("https://github.com/readme/fragment", Entry("github.com/readme/fragment").RepositoryUrl);
        var mono = Entry("github.com/thelunarcompany/lunar/mcpx");
        Assert.Equal(("https://github.com/thelunarcompany/lunar", "mcpx"), (mono.RepositoryUrl, mono.Subfolder));
        Assert.Equal("https://gitlab.wikimedia.org/repos/mcp/server", Entry("gitlab.wikimedia.org/repos/mcp/server").RepositoryUrl);
        Assert.Null(Entry("pricepertoken.com/mcp").RepositoryUrl);
    }

    [Fact]
    public void Bold_links_icons_and_footnote_marks_of_the_other_lists_are_read()
    {
        var (entries, errors) = AwesomeListParser.Parse(File.ReadAllText(Fixture("wong2.md")), "wong2");
        Assert.Empty(errors);
        Assert.Equal(["github.com/modelcontextprotocol/servers/src/filesystem", "github.com/acme/weather-mcp", "github.com/acme/gh-tools"], entries.Select(e => e.Key));
        Assert.Equal(("Weather", "Forecasts from the NWS"), (entries[1].Name, entries[1].Description));
        Assert.Equal(("GitHub Tools", "appcypher-style entry with an icon and a footnote"), (entries[2].Name, entries[2].Description));
        Assert.Equal(["Community Servers"], entries[2].Categories);
    }

    [Fact]
    public async Task The_source_reads_a_list_over_http_into_records_that_carry_no_launch()
    {
        var markdown = await File.ReadAllTextAsync(Fixture("punkpeye-irregular.md"));
        using var server = new Loopback(ctx => Loopback.Send(ctx, 200, markdown, ("ETag", "\"v1\"")));
        using var store = TestHttp.Store();
        var read = await new AwesomeListSource(TestHttp.Fetcher(store), [server.Url + "README.md"]).ReadAsync(CancellationToken.None);
        Assert.Equal(15, read.Records.Count);
        Assert.All(read.Records, r => Assert.IsType<NoLaunch>(r.Record.Launch));
        var aws = read.Records.Single(r => r.SourceKey == "github.com/awslabs/mcp").Record.Server;
        Assert.Equal(("https://github.com/awslabs/mcp", "awesome"), (aws.RepositoryUrl, aws.Source));
        Assert.Contains("\"official\":true", aws.Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_list_is_an_error_value()
    {
        using var server = new Loopback(ctx => Loopback.Send(ctx, 404, "gone"));
        var read = await new AwesomeListSource(TestHttp.Fetcher(), [server.Url + "README.md", "/no/such/file.md"]).ReadAsync(CancellationToken.None);
        Assert.Empty(read.Records);
        Assert.Equal(["HTTP 404", "no such file or http(s) URL"], read.Errors.Select(e => e.Message));
    }
}
