using System.Diagnostics;
using Catalog.Cli.Commands;
using Catalog.Cli.Stages;
using Catalog.Crawler;
using Catalog.Crawler.Sources;
using Catalog.Data.Store;

namespace Catalog.Cli.Schedule;

/// <summary>What each scheduled run works on.</summary>
internal sealed record BuildSettings(string Db, string Out, SourceSelection Sources, string? McpConfig, CrawlOptions Crawl);

internal enum RunOutcome
{
    Ok,
    NothingCrawled,
    Skipped,
}

/// <summary>
/// One scheduled run: crawl → classify → site through the same stages as <c>catalog build</c>, one at a time.
/// In this process a run that came due while the previous one was going is dropped, not run late; across processes
/// the store's lock file decides, and the loser skips. A run interrupted by a crash resumes next time, because the
/// crawl files its run under the source's label. Each run leaves exactly one <see cref="RunLog"/> line.
/// </summary>
internal sealed class ScheduledBuild(CliConsole console, BuildSettings settings, CancellationToken stopping)
{
    private readonly Lock _gate = new();
    private bool _running;
    private DateTimeOffset _lastFinished = DateTimeOffset.MinValue;

    /// <summary>True once a run was cut short by the stop signal.</summary>
    public bool Interrupted { get; private set; }

    /// <param name="due">When the trigger meant this run to start (null: now, for <c>--once</c>).</param>
    /// <exception cref="Exception">Whatever stopped the run (bad input, a missing prerequisite), after its line is logged.</exception>
    public async Task<RunOutcome> RunAsync(DateTimeOffset? due, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_running || due is { } d && d < _lastFinished)
            {
                Skip(due, "the previous run was still going");
                return RunOutcome.Skipped;
            }
            _running = true;
        }
        try
        {
            using var held = StoreLock.TryAcquire(settings.Db);
            if (held is null)
            {
                Skip(due, $"another run holds {StoreLock.PathFor(settings.Db)}");
                return RunOutcome.Skipped;
            }
            using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping);
            return await BuildAsync(both.Token);
        }
        finally
        {
            lock (_gate)
            {
                _running = false;
                _lastFinished = DateTimeOffset.UtcNow;
            }
        }
    }

    /// <summary>A firing Quartz itself dropped (misfired or skipped while a run was going).</summary>
    public void Skip(DateTimeOffset? due, string reason) =>
        console.Error.WriteLine(RunLog.Line("skipped", ("at", DateTimeOffset.UtcNow), ("due", due), ("reason", reason)));

    private Task<CrawlSummary> CrawlAsync(CatalogStore store, CancellationToken ct)
    {
        if (settings.McpConfig is { } config)
            return CrawlStage.RunAsync(console, store, McpConfigSource.Read(config), SourceLabels.For("mcp-config", config), settings.Crawl, ct);
        if (settings.Sources.Kinds.Count > 0) return SourcesStage.RunAsync(console, store, settings.Sources, settings.Crawl, ct);
        var (source, label) = CrawlCommand.Seeds(settings.Sources.SeedPath);
        return CrawlStage.RunAsync(console, store, source, label, settings.Crawl, ct);
    }

    private async Task<RunOutcome> BuildAsync(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            // Read afresh each run, so an edited seed list or config is picked up without a restart.
            using var store = CatalogStore.Open(settings.Db);
            var crawl = await CrawlAsync(store, ct);
            var (classified, _) = ClassifyStage.Run(console, store);
            var site = SiteStage.Run(console, store, settings.Out);
            var outcome = CrawlCommand.Exit(crawl) == ExitCodes.Ok ? RunOutcome.Ok : RunOutcome.NothingCrawled;
            console.Error.WriteLine(RunLog.Line(outcome == RunOutcome.Ok ? "ok" : "nothing-crawled",
                ("started", started), ("finished", DateTimeOffset.UtcNow), ("duration", clock.Elapsed), ("crawl-run", crawl.RunId),
                ("resumed", crawl.Resumed), ("servers", crawl.Servers), ("already-done", crawl.AlreadyDone), ("ok", crawl.Ok),
                ("failed", crawl.Failed), ("skipped", crawl.Skipped), ("tools", crawl.Tools), ("classified", classified),
                ("pages", site.ToolPages + site.ServerPages)));
            return outcome;
        }
        catch (OperationCanceledException)
        {
            Interrupted = true;
            console.Error.WriteLine(RunLog.Line("interrupted", ("started", started), ("finished", DateTimeOffset.UtcNow), ("duration", clock.Elapsed)));
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            console.Error.WriteLine(RunLog.Line("failed", ("started", started), ("finished", DateTimeOffset.UtcNow), ("duration", clock.Elapsed),
                ("error", ex.Message)));
            throw;
        }
    }
}
