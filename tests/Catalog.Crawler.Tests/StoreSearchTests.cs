using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Crawler.Tests;

/// <summary>The store's full-text index follows each server's tool list: new and changed definitions are found, removed tools are not.</summary>
public sealed class StoreSearchTests
{
    private static ToolDefinition Tool(string name, string description) => new(name, null, description, null, null);

    [Fact]
    public void Search_finds_current_tools_by_description_and_forgets_removed_ones()
    {
        var dir = TestPaths.TempDir();
        using var store = CatalogStore.Open(Path.Combine(dir, "catalog.db"));
        store.UpsertServer(new Server("acme/files", "acme/files", null, null, null, null, null, [], "test", "{}"));
        var run = store.StartOrResumeRun("test");
        void Record(params ToolDefinition[] tools) =>
            store.RecordAttempt(new CrawlAttempt(run.Id, "acme/files", AttemptStatus.Ok, null, 0, tools.Length, Provenance.Live, DateTimeOffset.UtcNow), tools);

        Record(Tool("purge_bucket", "Permanently erases every object in a bucket."), Tool("list_buckets", "Lists buckets."));
        Assert.Equal([("acme/files", "purge_bucket")], store.Search("erases"));

        // The next crawl changes one description and drops the other tool.
        Record(Tool("purge_bucket", "Wipes a bucket clean."));
        Assert.Empty(store.Search("erases"));
        Assert.Equal([("acme/files", "purge_bucket")], store.Search("wipes"));
        Assert.Empty(store.Search("buckets"));
        Directory.Delete(dir, recursive: true);
    }
}
