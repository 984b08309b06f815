using System.Security.Cryptography;
using Catalog.Data.Store;
using Microsoft.Data.Sqlite;

namespace Catalog.Site.Tests.Fixture;

/// <summary>Stores and sites of one test: an empty store in a folder of its own, and a fingerprint of a site folder.</summary>
public static class Scratch
{
    /// <summary>Runs <paramref name="test"/> on an empty store (<c>catalog.db</c> in the folder it is given), then removes the folder.</summary>
    public static void InStore(Action<CatalogStore, string> test)
    {
        var root = Path.Combine(Path.GetTempPath(), "catalog-site-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = CatalogStore.Open(Path.Combine(root, "catalog.db"), new FixedClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)));
            test(store, root);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Every file under <paramref name="dir"/> by relative path, with the SHA-256 of its bytes.</summary>
    public static SortedDictionary<string, string> Snapshot(string dir) => new(
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
