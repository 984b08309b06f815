using Catalog.Data;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

internal static class StoreFile
{
    /// <summary>Opens a store that must already exist: reading verbs never create an empty one by mistake.</summary>
    public static CatalogStore OpenExisting(string path) =>
        File.Exists(path) ? CatalogStore.Open(path) : throw new InputException($"{path}: no catalog store here (run 'catalog crawl' or 'catalog import' first, or pass --db)");
}
