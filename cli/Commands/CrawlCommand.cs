using System.CommandLine;
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
        var db = CommonOptions.Db();
        var concurrency = CommonOptions.Concurrency();
        var noSandbox = CommonOptions.NoSandbox();
        var cache = CommonOptions.Cache();
        var command = new Command("crawl", "Find servers in a source and record each one's tool list") { seeds, mcpConfig, db, concurrency, noSandbox, cache };
        command.SetAction(async (parse, ct) =>
        {
            var seedPath = parse.GetValue(seeds);
            var configPath = parse.GetValue(mcpConfig);
            if (seedPath is not null && configPath is not null) throw new InputException("give either --seeds or --mcp-config, not both");
            var (source, label) = configPath is not null
                ? (McpConfigSource.Read(configPath), SourceLabels.For("mcp-config", configPath))
                : Seeds(seedPath ?? CommonOptions.DefaultSeeds());
            using var store = CatalogStore.Open(parse.GetValue(db)!);
            var summary = await CrawlStage.RunAsync(console, store, source, label,
                Options(parse.GetValue(concurrency), parse.GetValue(noSandbox), parse.GetValue(cache)!), ct);
            return Exit(summary);
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
