using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Tests.Fixture;
using Microsoft.Data.Sqlite;

namespace Catalog.Site.Tests;

/// <summary>
/// A server whose stamp did not change is taken from its stored record without reading its rows. These tests hold the
/// incremental site to what a full build of the same store gives, after each kind of change.
/// </summary>
public sealed class ServerStampTests
{
    private const string Other = "io.github.other/files";

    [Fact]
    public void With_nothing_changed_every_server_is_kept_and_no_file_is_written()
    {
        InScratchStore((store, root) =>
        {
            CatalogFixture.Populate(store);
            var site = Path.Combine(root, "site");
            var first = new SiteGenerator(store).Generate(site);
            var before = Snapshot(site);

            var second = new SiteGenerator(store).Generate(site);

            Assert.Equal(0, first.ServersKept);
            Assert.Equal(3, second.ServersKept);
            Assert.Equal(0, second.FilesWritten);
            Assert.Equal(0, second.FilesDeleted);
            Assert.Equal(first.ToolPages, second.ToolPages);
            Assert.Equal(first.Warnings, second.Warnings);
            Assert.Equal(before, Snapshot(site));
        });
    }

    [Fact]
    public void A_recrawled_server_is_built_again_and_the_others_are_kept()
    {
        InScratchStore((store, root) =>
        {
            var site = PopulatedAndBuilt(store, root);

            RecrawlFiles(store, 420, t => t.Name == "read_file" ? t with { Description = "Reads a file." } : t);
            var report = new SiteGenerator(store).Generate(site);

            Assert.Equal(2, report.ServersKept);
            Assert.Contains("Reads a file.", File.ReadAllText(Path.Combine(site, "tools/io.github.acme-files/read_file.html")), StringComparison.Ordinal);
            AssertSameAsFullBuild(store, root, site);
        });
    }

    [Fact]
    public void A_crawl_that_finds_the_same_tools_rewrites_the_server_page_and_keeps_every_tool_page_unread()
    {
        InScratchStore((store, root) =>
        {
            var site = PopulatedAndBuilt(store, root);
            var toolPage = Path.Combine(site, "tools/io.github.acme-files/read_file.html");
            var toolBefore = File.ReadAllText(toolPage);

            RecrawlFiles(store, 98765, t => t);
            var report = new SiteGenerator(store).Generate(site);

            Assert.Equal(3, report.ServersKept);
            Assert.Equal(2, report.FilesWritten); // the server page and its JSON show the new crawl
            Assert.Contains("98765", File.ReadAllText(Path.Combine(site, "api/servers/io.github.acme-files.json")), StringComparison.Ordinal);
            Assert.Equal(toolBefore, File.ReadAllText(toolPage));
            AssertSameAsFullBuild(store, root, site);

            // The record now holds the new crawl: the next run keeps the server whole.
            Assert.Equal(0, new SiteGenerator(store).Generate(site).FilesWritten);
        });
    }

    [Fact]
    public void A_policy_written_with_new_text_outside_the_crawl_rebuilds_its_server()
    {
        InScratchStore((store, root) =>
        {
            var site = PopulatedAndBuilt(store, root);

            store.SavePolicy(CatalogFixture.Files, "read_file", "rego", "# changed by hand\npackage mcp\n\ndefault decision := \"allow\"\n");
            var report = new SiteGenerator(store).Generate(site);

            Assert.Equal(2, report.ServersKept);
            Assert.Contains("changed by hand", File.ReadAllText(Path.Combine(site, "tools/io.github.acme-files/read_file.html")), StringComparison.Ordinal);
            AssertSameAsFullBuild(store, root, site);
        });
    }

    [Fact]
    public void A_change_to_another_server_that_changes_the_similar_tools_shown_rebuilds_the_server_that_shows_them()
    {
        InScratchStore((store, root) =>
        {
            CatalogFixture.Populate(store);
            var read = CatalogFixture.FilesTools().Single(t => t.Item1.Name == "read_file");
            AddServer(store, Other, [read]);
            var site = Path.Combine(root, "site");
            new SiteGenerator(store).Generate(site);
            var page = Path.Combine(site, "tools/io.github.acme-files/read_file.html");
            Assert.Contains("io.github.other-files", File.ReadAllText(page), StringComparison.Ordinal);

            // The other server's read_file becomes a Write tool: it is no longer similar to Acme's, whose rows did not change.
            store.SaveClassifications([(Other, read.Item1.Name, read.Item1.Hash, read.Item2! with { Category = Category.Write })]);
            var report = new SiteGenerator(store).Generate(site);

            Assert.DoesNotContain("io.github.other-files", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.Equal(2, report.ServersKept); // the evil and the broken server
            AssertSameAsFullBuild(store, root, site);
        });
    }

    [Fact]
    public void A_kept_servers_tools_stay_in_the_change_feed()
    {
        InScratchStore((store, root) =>
        {
            var site = PopulatedAndBuilt(store, root);
            var changes = File.ReadAllText(Path.Combine(site, "changes.html"));
            Assert.Contains("tools/io.github.acme-files/read_file.html", changes, StringComparison.Ordinal);

            var report = new SiteGenerator(store).Generate(site);

            Assert.Equal(3, report.ServersKept);
            Assert.Equal(changes, File.ReadAllText(Path.Combine(site, "changes.html")));
        });
    }

    [Theory]
    [InlineData("servers/io.github.acme-files.html", 3)] // the server page is rendered again from the listing rows
    [InlineData("tools/io.github.acme-files/read_file.html", 2)] // the tool rows are read again
    public void A_file_of_a_kept_server_removed_by_hand_comes_back(string removed, int serversKept)
    {
        InScratchStore((store, root) =>
        {
            var site = PopulatedAndBuilt(store, root);
            var before = Snapshot(site);
            File.Delete(Path.Combine(site, removed));

            var report = new SiteGenerator(store).Generate(site);

            Assert.Equal(serversKept, report.ServersKept);
            Assert.Equal(1, report.FilesWritten);
            Assert.Equal(before, Snapshot(site));
        });
    }

    [Theory]
    [InlineData("UPDATE servers SET description = 'Changed.' WHERE id = $s", true)]
    [InlineData("UPDATE servers SET updated_at = '2030-01-01T00:00:00Z' WHERE id = $s", false)]
    [InlineData("UPDATE tools SET last_seen = '2030-01-01T00:00:00Z' WHERE server_id = $s", false)]
    [InlineData("UPDATE tools SET removed_at = '2030-01-01T00:00:00Z' WHERE server_id = $s AND name = 'read_file'", true)]
    [InlineData("UPDATE tool_versions SET last_seen = '2030-01-01T00:00:00Z' WHERE server_id = $s", false)]
    [InlineData("UPDATE classifications SET risk = 'Critical' WHERE server_id = $s AND tool_name = 'read_file'", true)]
    [InlineData("UPDATE classifications SET classified_at = '2030-01-01T00:00:00Z' WHERE server_id = $s", false)]
    [InlineData("UPDATE policies SET content = content WHERE server_id = $s", false)]
    [InlineData("DELETE FROM policies WHERE server_id = $s AND format = 'rego'", true)]
    [InlineData("UPDATE crawl_attempts SET status = 'Failed' WHERE server_id = $s", false)]
    public void Only_a_write_to_what_the_site_shows_gives_the_server_a_new_stamp(string sql, bool stamped)
    {
        InScratchStore((store, root) =>
        {
            CatalogFixture.Populate(store);
            var before = store.GetSiteStamps();

            using (var connection = new SqliteConnection($"Data Source={Path.Combine(root, "catalog.db")}"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("$s", CatalogFixture.Files);
                Assert.True(command.ExecuteNonQuery() > 0, "the statement changed no row");
            }
            var after = store.GetSiteStamps();

            Assert.Equal(stamped, before[CatalogFixture.Files] != after[CatalogFixture.Files]);
            Assert.Equal(before[CatalogFixture.Evil], after[CatalogFixture.Evil]);
        });
    }

    /// <summary>Fills the store with the fixture catalog and builds its site into <c>site</c> under <paramref name="root"/>.</summary>
    private static string PopulatedAndBuilt(CatalogStore store, string root)
    {
        CatalogFixture.Populate(store);
        var site = Path.Combine(root, "site");
        new SiteGenerator(store).Generate(site);
        return site;
    }

    /// <summary>A new crawl of the Acme files server that took <paramref name="durationMs"/> and found its tools as <paramref name="change"/> gives them.</summary>
    private static void RecrawlFiles(CatalogStore store, int durationMs, Func<ToolDefinition, ToolDefinition> change)
    {
        var run = store.StartOrResumeRun("second");
        var tools = CatalogFixture.FilesTools().Select(t => change(t.Item1)).ToList();
        store.RecordAttempt(new CrawlAttempt(run.Id, CatalogFixture.Files, AttemptStatus.Ok, null, durationMs, tools.Count, Provenance.Live, default), tools);
        store.FinishRun(run.Id);
    }

    /// <summary>The incremental site in <paramref name="site"/> is byte for byte what a full build into a new folder gives.</summary>
    private static void AssertSameAsFullBuild(CatalogStore store, string root, string site)
    {
        var fresh = Path.Combine(root, "fresh-" + Guid.NewGuid().ToString("N"));
        new SiteGenerator(store).Generate(fresh, full: true);
        Assert.Equal(Snapshot(fresh), Snapshot(site));
    }

    private static void AddServer(CatalogStore store, string id, IReadOnlyList<(ToolDefinition Tool, Classification? Class)> tools)
    {
        store.UpsertServer(new Server(id, "other-files", "Other Files", "Also reads files.", "0.1.0", null, null, [], "seed", "{}"));
        var run = store.StartOrResumeRun("other");
        store.RecordAttempt(new CrawlAttempt(run.Id, id, AttemptStatus.Ok, null, 100, tools.Count, Provenance.Live, default), tools.Select(t => t.Tool).ToList());
        store.FinishRun(run.Id);
        store.SaveClassifications(tools.Where(t => t.Class is not null).Select(t => (id, t.Tool.Name, t.Tool.Hash, t.Class!)));
    }

    private static void InScratchStore(Action<CatalogStore, string> test) => Scratch.InStore(test);

    private static SortedDictionary<string, string> Snapshot(string dir) => Scratch.Snapshot(dir);
}
