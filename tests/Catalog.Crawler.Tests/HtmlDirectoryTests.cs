using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;

namespace Catalog.Crawler.Tests;

public sealed class HtmlDirectoryTests
{
    private static readonly Uri Page = new("https://directory.example/servers/");

    private static string Fixture() => File.ReadAllText(Path.Combine(TestPaths.Root, "tests", "Catalog.Crawler.Tests", "fixtures", "html", "directory.html"));

    [Fact]
    public void Links_to_repositories_and_npm_packages_become_entries_and_nothing_else_does()
    {
        var entries = HtmlDirectorySource.Parse(Fixture(), Page);
        Assert.Equal(["github.com/acme/postgres-mcp", "npm:@acme/sqlite-mcp", "github.com/acme/files-mcp", "github.com/protocol/relative"], entries.Select(e => e.Key));
    }

    [Fact]
    public void Script_style_noscript_and_template_content_never_becomes_an_entry_or_text()
    {
        var entries = HtmlDirectorySource.Parse(Fixture(), Page);
        Assert.DoesNotContain(entries, e => e.Key.Contains("injected", StringComparison.Ordinal) || e.Key.Contains("style", StringComparison.Ordinal)
            || e.Key.Contains("hidden", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.StartsWith("https://", e.Url, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain("alert", (e.Description ?? "") + e.Name + e.Category, StringComparison.Ordinal));
    }

    [Fact]
    public void Names_descriptions_and_categories_come_from_the_text_around_the_link()
    {
        var entries = HtmlDirectorySource.Parse(Fixture(), Page).ToDictionary(e => e.Key);
        Assert.Equal(("Postgres MCP", "Query Postgres read-only.", "Databases"), Tuple(entries["github.com/acme/postgres-mcp"]));
        Assert.Equal(("@acme/sqlite-mcp", "SQLite over stdio", "Databases"), Tuple(entries["npm:@acme/sqlite-mcp"]));
        Assert.Equal(("files-mcp", "Reads files <script>", "Files"), Tuple(entries["github.com/acme/files-mcp"]));
        Assert.Equal("https://github.com/protocol/relative", entries["github.com/protocol/relative"].RepositoryUrl);
        Assert.Equal("A server linked without a scheme.", entries["github.com/protocol/relative"].Description);
    }

    private static (string, string?, string?) Tuple(HtmlDirectorySource.Entry e) => (e.Name, e.Description, e.Category);

    [Fact]
    public async Task The_source_fetches_pages_and_keeps_records_merge_ready()
    {
        var html = Fixture();
        using var server = new Loopback(ctx => ctx.Request.Url!.AbsolutePath == "/servers/"
            ? Loopback.Send(ctx, 200, html, ("Content-Type", "text/html"))
            : Loopback.Send(ctx, 500, "down"));
        var read = await new HtmlDirectorySource(TestHttp.Fetcher(), [new Uri(server.Url, "servers/"), new Uri(server.Url, "broken/")]).ReadAsync(CancellationToken.None);
        Assert.Equal(4, read.Records.Count);
        Assert.All(read.Records, r => Assert.IsType<NoLaunch>(r.Record.Launch));
        var npm = read.Records.Single(r => r.SourceKey == "npm:@acme/sqlite-mcp").Record.Server;
        Assert.Equal(("npm", "@acme/sqlite-mcp"), (npm.Packages[0].RegistryType, npm.Packages[0].Identifier));
        Assert.Contains("gave up after 4 attempts: HTTP 500", Assert.Single(read.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_without_text_is_named_by_its_key_and_described_by_its_row()
    {
        var entry = Assert.Single(HtmlDirectorySource.Parse("""<ul><li><a href="https://github.com/acme/icons"><img src="x.png"></a> Icon-only row</li></ul>""", Page));

        Assert.Equal("github.com/acme/icons", entry.Name);
        Assert.Equal("Icon-only row", entry.Description);
    }
}
