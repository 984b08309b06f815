using Catalog.Site.Output;

namespace Catalog.Site.Tests;

public sealed class SiteWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "catalog-site-writer-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Batches_written_from_many_threads_into_one_new_folder_all_land_and_the_manifest_keeps_commit_order()
    {
        var writer = new SiteWriter(_root);
        var batches = Enumerable.Range(0, 64).Select(_ => writer.StartBatch()).ToArray();

        Parallel.For(0, batches.Length, i => batches[i].Write($"api/servers/s{i:D2}.json", $"{{\"n\":{i}}}"));
        foreach (var batch in batches.Reverse()) writer.Commit(batch);
        writer.Publish();

        Assert.Equal(64, Directory.GetFiles(Path.Combine(_root, "api", "servers")).Length);
        var manifest = File.ReadAllLines(Path.Combine(_root, SiteWriter.ManifestName));
        Assert.Equal(Enumerable.Range(0, 64).Reverse().Select(i => $"api/servers/s{i:D2}.json"), manifest);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
