using Catalog.Data.Store;
using Catalog.Site;

namespace Catalog.Cli.Stages;

internal static class SiteStage
{
    public static void Run(CliConsole console, CatalogStore store, string outDir)
    {
        var report = new SiteGenerator(store).Generate(outDir);
        console.Error.WriteLine($"site: {report} in {Path.GetFullPath(outDir)}");
    }
}
