using System.CommandLine;
using Catalog.Cli.Schedule;
using Catalog.Data;

namespace Catalog.Cli.Commands;

/// <summary>
/// <c>catalog schedule --cron EXPR</c>: crawl → classify → site on a Quartz.NET cron trigger, one run at a time per
/// store (see <see cref="ScheduledBuild"/>). <c>--once</c> runs now and exits, for systemd timers and CI.
/// </summary>
internal static class ScheduleCommand
{
    public static Command Create(CliConsole console)
    {
        var cron = new Option<string?>("--cron")
        {
            Description = "When to run, in UTC: crontab's five fields ('0 3 * * *') or Quartz's six with seconds ('0 0 3 * * ?')",
        };
        var once = new Option<bool>("--once") { Description = "Run once now and exit (exit 6 if another run holds the store)" };
        var seeds = CommonOptions.Seeds();
        var mcpConfig = new Option<string?>("--mcp-config") { Description = "An mcpServers config to crawl instead of seeds" };
        var sourceOptions = new SourceOptions();
        var db = CommonOptions.Db();
        var output = CommonOptions.Out("site-out");
        var concurrency = CommonOptions.Concurrency();
        var noSandbox = CommonOptions.NoSandbox();
        var cache = CommonOptions.Cache();
        var command = new Command("schedule", "Run crawl, classify and site on a cron schedule, one run at a time per store")
        {
            cron, once, seeds, mcpConfig, db, output, concurrency, noSandbox, cache,
        };
        foreach (var option in sourceOptions.All) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var cronText = parse.GetValue(cron);
            var runOnce = parse.GetValue(once);
            if (cronText is null && !runOnce) throw new InputException("give --cron EXPR to run on a schedule, or --once to run now and exit");
            var expression = cronText is null ? null : CronText.Parse(cronText);
            var seedPath = parse.GetValue(seeds);
            var configPath = parse.GetValue(mcpConfig);
            if (seedPath is not null && configPath is not null) throw new InputException("give either --seeds or --mcp-config, not both");
            var selection = sourceOptions.Read(parse, seedPath);
            if (configPath is not null && selection.Kinds.Count > 0) throw new InputException("give either --mcp-config or --source, not both");
            foreach (var path in new[] { seedPath, configPath }.OfType<string>())
            {
                if (!File.Exists(path)) throw new InputException($"{path}: file not found");
            }
            var settings = new BuildSettings(parse.GetValue(db)!, parse.GetValue(output)!, selection, configPath,
                CrawlCommand.Options(parse.GetValue(concurrency), parse.GetValue(noSandbox), parse.GetValue(cache)!));
            // The scheduler's thread and this one both write: one synchronized writer keeps lines whole, and a
            // console that is not the process's own stderr gets plain lines (no progress bar) for the journal.
            var log = new CliConsole(console.Out, TextWriter.Synchronized(console.Error));
            var build = new ScheduledBuild(log, settings, ct);
            if (runOnce)
            {
                return await build.RunAsync(null, ct) switch
                {
                    RunOutcome.Ok => ExitCodes.Ok,
                    RunOutcome.NothingCrawled => ExitCodes.NothingCrawled,
                    _ => ExitCodes.Busy,
                };
            }
            return await CronScheduler.RunAsync(log, build, expression!, StoreLock.PathFor(settings.Db), ct);
        });
        return command;
    }
}
