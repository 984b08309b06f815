using Catalog.Crawler;
using Catalog.Crawler.Sources;
using Catalog.Data.Model;
using Catalog.Data.Store;
using Spectre.Console;

namespace Catalog.Cli.Stages;

/// <summary>Runs the crawler over a source and reports progress: a Spectre bar on a terminal, plain lines otherwise.</summary>
internal static class CrawlStage
{
    public static async Task<CrawlSummary> RunAsync(CliConsole console, CatalogStore store, SourceResult source, string label,
        CrawlOptions options, CancellationToken ct)
    {
        foreach (var error in source.Errors) console.Error.WriteLine($"skipped {error}");
        var crawler = new ServerCrawler(store, options);
        CrawlSummary summary;
        if (console.IsInteractive)
        {
            summary = await AnsiConsole.Progress().AutoClear(false).StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("crawling servers", maxValue: Math.Max(1, source.Records.Count));
                var progress = new Progress<CrawlProgress>(p =>
                {
                    bar.MaxValue = Math.Max(1, p.Total);
                    bar.Value = p.Done;
                    bar.Description = $"crawling servers ({Markup.Escape(p.ServerId)})";
                });
                return await crawler.RunAsync(source, label, progress, ct);
            });
        }
        else
        {
            var progress = new SyncProgress<CrawlProgress>(p => console.Error.WriteLine(Line(p)));
            summary = await crawler.RunAsync(source, label, progress, ct);
        }

        console.Error.WriteLine(
            $"crawl run {summary.RunId}{(summary.Resumed ? $" (resumed; {summary.AlreadyDone} servers already done)" : "")}: "
            + $"{summary.Ok} ok, {summary.Failed} failed, {summary.Skipped} skipped, {summary.Tools} tools, {summary.Elapsed.TotalSeconds:0.0}s");
        return summary;
    }

    private static string Line(CrawlProgress p) => p.Status switch
    {
        AttemptStatus.Ok => $"[{p.Done}/{p.Total}] ok      {p.ServerId}: {p.ToolCount} tools{(p.Error is null ? "" : $" ({p.Error})")}",
        AttemptStatus.Failed => $"[{p.Done}/{p.Total}] failed  {p.ServerId}: {p.Error}",
        _ => $"[{p.Done}/{p.Total}] skipped {p.ServerId}: {p.Error}",
    };

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _lock = new();

        public void Report(T value)
        {
            lock (_lock) report(value);
        }
    }
}
