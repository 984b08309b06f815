using System.CommandLine;
using Catalog.Cli.Schedule;
using Catalog.Cli.Stages;
using Catalog.Crawler;
using Catalog.Crawler.Sandbox;
using Catalog.Crawler.Sources;
using Catalog.Data;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

internal static class CrawlCommand
{
    public static Command Create(CliConsole console)
    {
        var seeds = CommonOptions.Seeds();
        var mcpConfig = new Option<string?>("--mcp-config") { Description = "An mcpServers config (Claude Desktop, Cursor, VS Code) to crawl instead of seeds" };
        var sourceOptions = new SourceOptions();
        var db = CommonOptions.Db();
        var concurrency = CommonOptions.Concurrency();
        var noSandbox = CommonOptions.NoSandbox();
        var cache = CommonOptions.Cache();
        var command = new Command("crawl", "Find servers in sources and record each one's tool list") { seeds, mcpConfig, db, concurrency, noSandbox, cache };
        foreach (var option in sourceOptions.All) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var seedPath = parse.GetValue(seeds);
            var configPath = parse.GetValue(mcpConfig);
            if (seedPath is not null && configPath is not null) throw new InputException("give either --seeds or --mcp-config, not both");
            var selection = sourceOptions.Read(parse, seedPath);
            if (configPath is not null && selection.Kinds.Count > 0) throw new InputException("give either --mcp-config or --source, not both");
            var options = Options(parse.GetValue(concurrency), parse.GetValue(noSandbox), parse.GetValue(cache)!);
            using var held = StoreLock.ForCommand(parse.GetValue(db)!, console);
            if (held is null) return ExitCodes.Busy;
            using var store = CatalogStore.Open(parse.GetValue(db)!);
            if (configPath is not null || selection.Kinds.Count == 0)
            {
                var (result, label) = configPath is not null
                    ? (McpConfigSource.Read(configPath), SourceLabels.For("mcp-config", configPath))
                    : Seeds(selection.SeedPath);
                return Exit(await CrawlStage.RunAsync(console, store, result, label, options, ct));
            }
            return Exit(await SourcesStage.RunAsync(console, store, selection, options, ct));
        });
        return command;
    }

    public static (SourceResult, string) Seeds(string path) => (SeedFileSource.Read(path), SourceLabels.For("seed", path));

    public static CrawlOptions Options(int concurrency, bool noSandbox, string cache)
    {
        if (concurrency is < 1 or > 64) throw new InputException($"--concurrency must be 1 to 64, not {concurrency}");
        return new CrawlOptions { Concurrency = concurrency, CacheDirectory = cache, Sandbox = new SandboxOptions { Enabled = !noSandbox } };
    }

    public static int Exit(CrawlSummary summary) =>
        summary.Ok == 0 && summary.Servers - summary.AlreadyDone > 0 && summary.Failed > 0 ? ExitCodes.NothingCrawled : ExitCodes.Ok;
}
