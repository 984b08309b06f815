using System.CommandLine;
using System.Diagnostics;
using Catalog.Cli.Schedule;
using Catalog.Cli.Stages;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

/// <summary><c>catalog build</c>: crawl the seed list, classify, publish the site. The main job.</summary>
internal static class BuildCommand
{
    public static Command Create(CliConsole console)
    {
        var seeds = CommonOptions.Seeds();
        var db = CommonOptions.Db();
        var output = CommonOptions.Out("site-out");
        var concurrency = CommonOptions.Concurrency();
        var noSandbox = CommonOptions.NoSandbox();
        var cache = CommonOptions.Cache();
        var command = new Command("build", "Crawl the seed list, classify every tool and generate the site") { seeds, db, output, concurrency, noSandbox, cache };
        command.SetAction(async (parse, ct) =>
        {
            var clock = Stopwatch.StartNew();
            var (source, label) = CrawlCommand.Seeds(parse.GetValue(seeds) ?? CommonOptions.DefaultSeeds());
            var options = CrawlCommand.Options(parse.GetValue(concurrency), parse.GetValue(noSandbox), parse.GetValue(cache)!);
            using var held = StoreLock.ForCommand(parse.GetValue(db)!, console);
            if (held is null) return ExitCodes.Busy;
            using var store = CatalogStore.Open(parse.GetValue(db)!);
            var summary = await CrawlStage.RunAsync(console, store, source, label, options, ct);
            ClassifyStage.Run(console, store);
            SiteStage.Run(console, store, parse.GetValue(output)!);
            console.Error.WriteLine($"build finished in {clock.Elapsed.TotalSeconds:0.0}s");
            return CrawlCommand.Exit(summary);
        });
        return command;
    }
}
