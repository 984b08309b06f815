using System.Security.Cryptography;
using Catalog.Data.Store;
using Catalog.Site.Output;

namespace Catalog.Site.Search;

/// <summary>
/// Writes the search index's files, each with the hash of its bytes kept in the store: a file whose hash did not
/// change is kept as published without being compared or rewritten. Files of the last build that this one does not
/// write are deleted by <see cref="SiteWriter.Publish"/>. The files reach the manifest in path order, the same order
/// as when the index is kept whole (<see cref="SearchIndex.KeepWhole"/>).
/// </summary>
public sealed class SearchFiles(SiteWriter writer, CatalogStore store, string site, bool full)
{
    private readonly Dictionary<string, (string Hash, string? Summary)> _stored = full ? [] : store.GetSitePageHashes(site, SitePaths.SearchFolder);
    private readonly SiteWriter.Batch _files = writer.StartBatch();
    private readonly List<(string, string, string?)> _pending = [];

    public void Write(string path, byte[] content)
    {
        if (Unchanged(path, Convert.ToHexStringLower(SHA256.HashData(content)))) return;
        _files.Write(path, content);
    }

    /// <summary>Publishes a scratch file (moved, not read into memory).</summary>
    public void WriteFile(string path, string scratch)
    {
        string hash;
        using (var stream = File.OpenRead(scratch)) hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (Unchanged(path, hash)) return;
        _files.WriteFile(path, scratch);
    }

    /// <summary>Records the files and their new hashes; the hashes count once the site is published.</summary>
    /// <returns>Every file of the index, in path order.</returns>
    public IReadOnlyList<string> Finish()
    {
        writer.CommitInPathOrder(_files);
        store.SavePendingSitePageHashes(site, _pending);
        return [.. _files.Paths.Order(StringComparer.Ordinal)];
    }

    private bool Unchanged(string path, string hash)
    {
        if (_stored.TryGetValue(path, out var was) && was.Hash == hash && _files.KeepAll([path])) return true;
        _pending.Add((path, hash, null));
        return false;
    }
}
