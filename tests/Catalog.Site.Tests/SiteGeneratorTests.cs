using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Output;
using Catalog.Site.Tests.Fixture;

namespace Catalog.Site.Tests;

public sealed class SiteGeneratorTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public void Every_tool_and_server_gets_a_page()
    {
        Assert.Equal(CatalogFixture.ToolCount, fixture.Report.ToolPages);
        Assert.Equal(3, fixture.Report.ServerPages);
        Assert.Equal(CatalogFixture.ToolCount, fixture.AllFiles("*.html").Count(f => f.Contains($"{Path.DirectorySeparatorChar}tools{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(fixture.Site, "servers"), "*.html").Length);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("tools.html")]
    [InlineData("methodology.html")]
    [InlineData("404.html")]
    [InlineData("robots.txt")]
    [InlineData("sitemap.xml")]
    [InlineData("assets/site.css")]
    [InlineData("assets/site.js")]
    [InlineData("api/index.json")]
    [InlineData("api/search/meta.json")]
    [InlineData("browse/risk-critical.html")]
    [InlineData("browse/category-destructive.html")]
    [InlineData("browse/tag-code-execution.html")]
    public void The_site_has_its_fixed_files(string path) => Assert.True(File.Exists(Path.Combine(fixture.Site, path)), path);

    [Fact]
    public void Names_that_differ_only_in_case_get_different_pages()
    {
        var pages = Directory.GetFiles(Path.Combine(fixture.Site, "tools", "io.github.acme-files"), "foo*.html");
        Assert.Equal(2, pages.Length);
    }

    [Fact]
    public void The_tool_json_mirror_has_every_field_and_embeds_the_policy_as_an_object()
    {
        using var doc = JsonDocument.Parse(fixture.Read("api/tools/io.github.acme-files/write_file.json"));
        var root = doc.RootElement;
        foreach (var field in new[] { "server", "name", "title", "description", "inputSchema", "annotations", "category", "risk", "tags", "confidence", "rationale", "evidence", "findings", "operations", "policy" })
            Assert.True(root.TryGetProperty(field, out _), field);
        Assert.Equal(CatalogFixture.Files, root.GetProperty("server").GetString());
        Assert.Equal("Destructive", root.GetProperty("category").GetString());
        Assert.Equal("High", root.GetProperty("risk").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("policy").ValueKind);
        Assert.Equal(10, root.GetProperty("policy").GetProperty("tools").GetProperty("write_file").GetProperty("limits")[0].GetProperty("max").GetInt32());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("inputSchema").ValueKind);
    }

    [Fact]
    public void Every_json_file_parses()
    {
        foreach (var file in fixture.AllFiles("*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { MaxDepth = 256 });
            Assert.NotEqual(JsonValueKind.Undefined, doc.RootElement.ValueKind);
        }
    }

    [Fact]
    public void The_index_json_lists_servers_with_counts()
    {
        using var doc = JsonDocument.Parse(fixture.Read("api/index.json"));
        var servers = doc.RootElement.GetProperty("servers");
        Assert.Equal(3, servers.GetArrayLength());
        Assert.Equal(CatalogFixture.ToolCount, doc.RootElement.GetProperty("toolCount").GetInt32());
        var files = servers.EnumerateArray().Single(s => s.GetProperty("id").GetString() == CatalogFixture.Files);
        Assert.Equal(7, files.GetProperty("toolCount").GetInt32());
        Assert.Equal(1, files.GetProperty("countByRisk").GetProperty("Critical").GetInt32());
        Assert.Equal(3, files.GetProperty("countByRisk").GetProperty("High").GetInt32());
        Assert.Equal("Failed", servers.EnumerateArray().Single(s => s.GetProperty("id").GetString() == CatalogFixture.Broken).GetProperty("lastStatus").GetString());
    }

    [Fact]
    public void The_policy_download_is_the_text_the_page_shows()
    {
        // A tool's download carries the file in the link; the server-wide one is a file.
        var page = fixture.Read("tools/io.github.acme-files/write_file.html");
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"data:application/json;charset=utf-8,([^\"]*)\" download=\"write_file.policy.json\"");
        Assert.True(link.Success, "no policy download link on the tool page");
        var download = Uri.UnescapeDataString(link.Groups[1].Value);
        Assert.EndsWith("}\n", download, StringComparison.Ordinal);
        Assert.Contains("\"write_file\"", download, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(download.TrimEnd('\n')), page, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFiles(Path.Combine(fixture.Site, "api/tools"), "*.policy.json", SearchOption.AllDirectories).Any());
        // API users find every other format in the tool's JSON.
        using var json = System.Text.Json.JsonDocument.Parse(fixture.Read("api/tools/io.github.acme-files/write_file.json"));
        var rego = json.RootElement.GetProperty("policyFormats").GetProperty("rego").GetString()!;
        Assert.StartsWith("# fixture\npackage mcp", rego, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(rego), page, StringComparison.Ordinal);
        var serverFile = fixture.Read("api/servers/io.github.acme-files.policy.json");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(serverFile.TrimEnd('\n')), fixture.Read("servers/io.github.acme-files.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generating_twice_gives_identical_bytes_and_rewrites_nothing()
    {
        var before = Snapshot(fixture.Site);
        var second = new SiteGenerator(fixture.Store).Generate(fixture.Site);
        Assert.Equal(0, second.FilesWritten);
        Assert.Equal(0, second.FilesDeleted);
        Assert.Equal(before, Snapshot(fixture.Site));
    }

    [Fact]
    public void Pages_and_search_files_removed_by_hand_come_back_when_nothing_changed()
    {
        InScratchStore((store, site) =>
        {
            CatalogFixture.Populate(store);
            new SiteGenerator(store).Generate(site);
            var before = Snapshot(site);
            File.Delete(Path.Combine(site, "browse", "risk-high.html"));
            File.Delete(Path.Combine(site, "api", "search", "meta.json"));
            File.Delete(Path.Combine(site, "tools", "io.github.acme-files", "write_file.html"));

            var again = new SiteGenerator(store).Generate(site);

            Assert.Equal(3, again.FilesWritten); // the tool JSON is rendered again too, but its bytes did not change
            Assert.Equal(0, again.FilesDeleted);
            Assert.Equal(before, Snapshot(site));
        });
    }

    [Fact]
    public void Two_stores_with_the_same_content_give_the_same_site()
    {
        InScratchStore((store, site) =>
        {
            CatalogFixture.Populate(store);
            new SiteGenerator(store).Generate(site);
            Assert.Equal(Snapshot(fixture.Site), Snapshot(site));
        });
    }

    [Fact]
    public void A_removed_tool_loses_its_files_and_only_changed_files_are_rewritten()
    {
        InScratchStore((store, site) =>
        {
            CatalogFixture.Populate(store);
            var first = new SiteGenerator(store).Generate(site);
            var run = store.StartOrResumeRun("second");
            var kept = CatalogFixture.FilesTools().Select(t => t.Item1).Where(t => t.Name != "send_email").ToList();
            store.RecordAttempt(new CrawlAttempt(run.Id, CatalogFixture.Files, AttemptStatus.Ok, null, 420, kept.Count, Provenance.Live, default), kept);

            var second = new SiteGenerator(store).Generate(site);

            Assert.False(File.Exists(Path.Combine(site, "tools/io.github.acme-files/send_email.html")));
            Assert.False(File.Exists(Path.Combine(site, "api/tools/io.github.acme-files/send_email.json")));
            Assert.True(second.FilesDeleted >= 2); // its page and its JSON
            Assert.InRange(second.FilesWritten, 1, first.FilesWritten / 2);
        });
    }

    [Fact]
    public void A_new_description_rewrites_the_tool_page_but_not_the_server_page_unless_what_it_lists_changes()
    {
        InScratchStore((store, site) =>
        {
            CatalogFixture.Populate(store);
            new SiteGenerator(store).Generate(site);
            var serverPage = Path.Combine(site, "servers/io.github.acme-files.html");
            var toolPage = Path.Combine(site, "tools/io.github.acme-files/read_file.html");
            var (serverBefore, toolBefore) = (File.ReadAllText(serverPage), File.ReadAllText(toolPage));
            // A page's stored input hash changes exactly when the page is rendered again.
            string StoredHash(string page) => store.GetSitePageHashes(site, page)[page].Hash;
            var serverHash = StoredHash("servers/io.github.acme-files.html");
            var toolHash = StoredHash("tools/io.github.acme-files/read_file.html");

            // The same tool with another description and rationale, classified the same way.
            void Recrawl(string label, string description, Func<Classification, Classification> reclassify)
            {
                var run = store.StartOrResumeRun(label);
                var tools = CatalogFixture.FilesTools()
                    .Select(t => t.Item1.Name == "read_file" ? (t.Item1 with { Description = description }, t.Item2 is null ? null : reclassify(t.Item2)) : t)
                    .ToList();
                store.RecordAttempt(new CrawlAttempt(run.Id, CatalogFixture.Files, AttemptStatus.Ok, null, 420, tools.Count, Provenance.Live, default), tools.Select(t => t.Item1).ToList());
                store.SaveClassifications(tools.Where(t => t.Item2 is not null).Select(t => (CatalogFixture.Files, t.Item1.Name, t.Item1.Hash, t.Item2!)));
                store.FinishRun(run.Id);
            }

            Recrawl("second", "Read a file of the workspace and return its text.", c => c with { Rationale = c.Rationale + " Reworded." });
            new SiteGenerator(store).Generate(site);
            Assert.NotEqual(toolBefore, File.ReadAllText(toolPage));
            Assert.NotEqual(toolHash, StoredHash("tools/io.github.acme-files/read_file.html"));
            Assert.Equal(serverBefore, File.ReadAllText(serverPage));
            Assert.Equal(serverHash, StoredHash("servers/io.github.acme-files.html"));

            Recrawl("third", "Read a file of the workspace and return its text.", c => c with { Tags = [.. c.Tags, "filesystem"] });
            new SiteGenerator(store).Generate(site);
            Assert.NotEqual(serverHash, StoredHash("servers/io.github.acme-files.html"));
            Assert.NotEqual(serverBefore, File.ReadAllText(serverPage));
        });
    }

    [Fact]
    public void A_browse_page_whose_rows_stay_but_whose_total_changes_is_rewritten()
    {
        InScratchStore((store, site) =>
        {
            const string server = "io.github.acme/many";
            store.UpsertServer(new Server(server, "many", "Many tools", "Lists things.", "1.0.0", null, null, [], "seed", "{}"));
            var classes = CatalogFixture.FilesTools().Select(t => t.Item2).OfType<Classification>().ToList();
            var low = classes.First(c => c.Risk == RiskClass.Low);
            var other = classes.First(c => c.Risk != RiskClass.Low);
            var tools = Enumerable.Range(0, 105).Select(i => new ToolDefinition($"tool_{i:000}", null, "Lists things.", null, null)).ToList();
            var run = store.StartOrResumeRun("seed");
            store.RecordAttempt(new CrawlAttempt(run.Id, server, AttemptStatus.Ok, null, 10, tools.Count, Provenance.Live, default), tools);
            store.FinishRun(run.Id);
            store.SaveClassifications(tools.Select(t => (server, t.Name, t.Hash, low)));
            var page = Path.Combine(site, SitePaths.ByRisk(RiskClass.Low));
            new SiteGenerator(store).Generate(site);
            Assert.Contains("of 105.", File.ReadAllText(page), StringComparison.Ordinal);

            // The last tool is reclassified out of the facet: page 1 keeps the same hundred rows, but its count must follow.
            store.SaveClassifications([(server, tools[^1].Name, tools[^1].Hash, other)]);
            new SiteGenerator(store).Generate(site);

            Assert.Contains("of 104.", File.ReadAllText(page), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_tool_and_server_policy_that_agree_produce_no_warnings()
    {
        Assert.DoesNotContain(fixture.Report.Warnings, w => w.Contains("io.github.acme/files", StringComparison.Ordinal));
    }

    /// <summary>Runs <paramref name="test"/> on an empty store of its own and a site folder beside it, both removed after.</summary>
    private static void InScratchStore(Action<CatalogStore, string> test) => Scratch.InStore((store, root) => test(store, Path.Combine(root, "site")));

    private static SortedDictionary<string, string> Snapshot(string dir) => Scratch.Snapshot(dir);
}
