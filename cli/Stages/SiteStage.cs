using Catalog.Data.Store;
using Catalog.Site;

namespace Catalog.Cli.Stages;

internal static class SiteStage
{
    public static SiteReport Run(CliConsole console, CatalogStore store, string outDir, bool full = false)
    {
        var report = new SiteGenerator(store).Generate(outDir, full);
        foreach (var warning in report.Warnings) console.Error.WriteLine($"site warning: {warning}");
        console.Error.WriteLine($"site: {report.ToolPages} tool pages, {report.ServerPages} server pages ({report.ServersKept} servers unchanged, not read); "
            + $"{report.FilesWritten} files written, {report.FilesUnchanged} unchanged, {report.FilesDeleted} deleted, in {Path.GetFullPath(outDir)}");
        return report;
    }
}
