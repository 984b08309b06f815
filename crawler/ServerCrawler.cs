using System.Diagnostics;
using Catalog.Crawler.Introspection;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sandbox;
using Catalog.Crawler.Sources;
using Catalog.Crawler.Static;
using Catalog.Data;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Crawler;

/// <summary>
/// Crawls the servers a source found: stores them, then installs and introspects each (several at once), recording
/// one attempt per server as it finishes. A run interrupted by a crash is resumed by the next call with the same
/// sources: servers already recorded in it are not crawled again.
/// </summary>
public sealed class ServerCrawler(CatalogStore store, CrawlOptions options)
{
    private readonly Lock _storeLock = new();
    private readonly NpmInstaller _npm = new(Path.Combine(options.CacheDirectory), options.InstallTimeout);
    private readonly LiveIntrospector _live = new(options.Limits);
    private readonly RemoteIntrospector _remote = new(options.Limits);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ExtractedTool>> _static = new(StringComparer.Ordinal);
    private string? _bwrap;

    public async Task<CrawlSummary> RunAsync(SourceResult source, string sources, IProgress<CrawlProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Only a server started here needs the sandbox; a list of remotes crawls on a machine without bubblewrap.
        if (options.Sandbox.Enabled && source.Records.Any(r => r.Launch is NpmLaunch or CommandLaunch))
            _bwrap = await SandboxCheck.RequireAsync(options.Sandbox, ct);

        store.InTransaction(() =>
        {
            foreach (var r in source.Records) store.UpsertServer(r.Server);
        });
        var run = store.StartOrResumeRun(sources);
        var done = store.AttemptedServers(run.Id);
        var pending = source.Records.Where(r => !done.Contains(r.Server.Id)).ToList();
        int ok = 0, failed = 0, skipped = 0, tools = 0, finished = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var prefetch = Parallel.ForEachAsync(pending.Select(r => r.Launch).OfType<NpmLaunch>(),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.InstallConcurrency), CancellationToken = stop.Token },
            async (npm, token) => await _npm.EnsureAsync(npm.Package, npm.Version, token));

        try
        {
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency), CancellationToken = ct },
                async (record, token) =>
                {
                    var result = await CrawlOneAsync(record, token);
                    var attempt = new CrawlAttempt(run.Id, record.Server.Id, result.Status, result.Error, result.DurationMs,
                        result.Tools.Count, result.Provenance, DateTimeOffset.UtcNow);
                    lock (_storeLock)
                    {
                        store.RecordAttempt(attempt, result.Tools);
                        if (_static.TryRemove(record.Server.Id, out var found) && result.Status == AttemptStatus.Ok)
                            store.SaveToolEvidence(found.Select(t => new ToolEvidence(record.Server.Id, t.Definition.Name, t.Definition.Hash, t.Provenance, t.Confidence, t.Location)));
                    }
                    switch (result.Status)
                    {
                        case AttemptStatus.Ok: Interlocked.Increment(ref ok); Interlocked.Add(ref tools, result.Tools.Count); break;
                        case AttemptStatus.Failed: Interlocked.Increment(ref failed); break;
                        default: Interlocked.Increment(ref skipped); break;
                    }
                    progress?.Report(new CrawlProgress(record.Server.Id, result.Status, result.Tools.Count, result.Error,
                        Interlocked.Increment(ref finished), pending.Count));
                });
            await prefetch;
        }
        finally
        {
            await stop.CancelAsync();
            try { await prefetch; } catch (OperationCanceledException) { }
        }
        store.FinishRun(run.Id);
        return new CrawlSummary(run.Id, done.Count > 0, source.Records.Count, done.Count, ok, failed, skipped, tools, clock.Elapsed);
    }

    private async Task<IntrospectionResult> CrawlOneAsync(SourceRecord record, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        string command;
        IReadOnlyList<string> args;
        var visible = new List<string>();
        switch (record.Launch)
        {
            case NoLaunch no:
                return new IntrospectionResult(AttemptStatus.Skipped, no.Reason, [], null, null, Provenance.Live, 0);
            case RemoteLaunch remote:
                // Nothing runs here, so no sandbox: the introspector limits what is read and where it connects.
                return await _remote.IntrospectAsync(remote, ct);
            case SourceTreeLaunch tree:
                return Static(record.Server.Id, tree.Folder, tree.Subfolder, "no live start possible", clock)
                    ?? new IntrospectionResult(AttemptStatus.Failed, "static extraction found no tools", [], null, null, Provenance.Static, clock.ElapsedMilliseconds);
            case NpmLaunch npm:
                var (folder, installError, _) = await _npm.EnsureAsync(npm.Package, npm.Version, ct);
                if (folder is null) return Failed(installError!, clock);
                var (bin, binError) = NpmInstaller.FindBin(folder, npm.Package);
                if (bin is null) return Failed(binError!, clock);
                command = Bubblewrap.FindOnPath("node") ?? "node";
                args = [bin, .. npm.Arguments];
                visible.Add(folder);
                break;
            case CommandLaunch cmd:
                var resolved = Bubblewrap.FindOnPath(cmd.Command);
                if (resolved is null) return Failed($"command '{cmd.Command}' not found on PATH", clock);
                command = resolved;
                args = cmd.Arguments;
                visible.Add(Path.GetDirectoryName(resolved)!);
                visible.AddRange(cmd.Arguments.Where(a => a.StartsWith('/') && (File.Exists(a) || Directory.Exists(a))).Select(ProjectRoot));
                break;
            default:
                throw new UnreachableException(record.Launch.GetType().Name);
        }

        var result = await Introspect(command, args, record.Launch.Environment, visible, ct);
        // A server that will not list its tools live (it needs credentials, a network, a service) is read statically
        // from the package it installed; the attempt says so and each tool carries its provenance.
        if (result.Status == AttemptStatus.Failed && record.Launch is NpmLaunch failed
            && Static(record.Server.Id, Path.Combine(visible[0], "node_modules", failed.Package), null, result.Error, clock) is { } fallback)
            return fallback;
        return result with { DurationMs = clock.ElapsedMilliseconds };
    }

    private Task<IntrospectionResult> Introspect(string command, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env,
        IReadOnlyList<string> visible, CancellationToken ct)
    {
        if (_bwrap is not null)
        {
            var (file, wrapped) = Bubblewrap.Wrap(_bwrap, options.Sandbox, command, args, env, visible);
            return _live.IntrospectAsync(file, wrapped, new Dictionary<string, string> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin" }, ct);
        }
        // Unconfined (--no-sandbox): still a cleared environment and a throwaway home.
        var home = Directory.CreateTempSubdirectory("catalog-home-").FullName;
        var environment = Bubblewrap.EnvironmentFor(env, options.Sandbox);
        environment["HOME"] = home;
        return _live.IntrospectAsync(command, args, environment, ct).ContinueWith(t =>
        {
            try { Directory.Delete(home, recursive: true); } catch (IOException) { }
            return t.Result;
        }, ct, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>
    /// The folder to show a server started from a script path: the outermost ancestor holding node_modules (so its
    /// dependencies resolve), else the script's own folder.
    /// </summary>
    private static string ProjectRoot(string path)
    {
        var start = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path).Directory!;
        var root = start.FullName;
        for (var dir = start; dir?.Parent is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "node_modules"))) root = dir.FullName;
        }
        return root;
    }

    private IntrospectionResult? Static(string serverId, string folder, string? subfolder, string? why, Stopwatch clock)
    {
        if (!Directory.Exists(folder)) return null;
        var tools = StaticExtractor.Extract(folder, subfolder);
        if (tools.Count == 0) return null;
        _static[serverId] = tools;
        var provenance = tools.Select(t => t.Provenance).Max();
        return new IntrospectionResult(AttemptStatus.Ok, $"static extraction ({why})", tools.Select(t => t.Definition).ToList(), null, null,
            provenance, clock.ElapsedMilliseconds);
    }

    private static IntrospectionResult Failed(string error, Stopwatch clock) =>
        new(AttemptStatus.Failed, error, [], null, null, Provenance.Live, clock.ElapsedMilliseconds);
}
