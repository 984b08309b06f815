using Catalog.Data.Model;

namespace Catalog.Data.Store;

public sealed partial class CatalogStore
{
    /// <summary>
    /// Returns the unfinished run for these sources if a previous process died in it (so the crawl resumes where it
    /// stopped), otherwise starts a new one.
    /// </summary>
    public CrawlRun StartOrResumeRun(string sources)
    {
        var open = Query("SELECT id, started_at, sources FROM crawl_runs WHERE finished_at IS NULL AND sources = $s ORDER BY id DESC LIMIT 1",
            r => new CrawlRun(r.GetInt64(0), ParseTime(r.GetString(1)), null, r.GetString(2)), ("$s", sources)).FirstOrDefault();
        if (open is not null) return open;
        var now = Now();
        var id = (long)Scalar("INSERT INTO crawl_runs (started_at, sources) VALUES ($now, $s) RETURNING id", ("$now", now), ("$s", sources))!;
        return new CrawlRun(id, ParseTime(now), null, sources);
    }

    public void FinishRun(long runId) =>
        Execute("UPDATE crawl_runs SET finished_at = $now WHERE id = $id", ("$now", Now()), ("$id", runId));

    public IReadOnlyList<CrawlRun> GetRuns() =>
        Query("SELECT id, started_at, finished_at, sources FROM crawl_runs ORDER BY id",
            r => new CrawlRun(r.GetInt64(0), ParseTime(r.GetString(1)), r.IsDBNull(2) ? null : ParseTime(r.GetString(2)), r.GetString(3))).ToList();

    /// <summary>Servers that already have an attempt in this run: a resumed run skips them.</summary>
    public IReadOnlySet<string> AttemptedServers(long runId) =>
        Query("SELECT server_id FROM crawl_attempts WHERE run_id = $r", r => r.GetString(0), ("$r", runId)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Records one attempt and, when it succeeded, the server's tool list, in one transaction: new definitions become
    /// new tool versions (old ones are kept), unchanged ones are touched, tools no longer listed are marked removed.
    /// </summary>
    public void RecordAttempt(CrawlAttempt attempt, IReadOnlyList<ToolDefinition> tools)
    {
        using var tx = Begin();
        var now = Now();
        var previous = Query("SELECT status FROM crawl_attempts WHERE server_id = $s ORDER BY id DESC LIMIT 1",
            r => r.GetString(0), ("$s", attempt.ServerId)).FirstOrDefault();
        Execute("""
            INSERT INTO crawl_attempts (run_id, server_id, status, error, duration_ms, tool_count, provenance, at)
            VALUES ($run, $server, $status, $error, $ms, $count, $prov, $at)
            ON CONFLICT(run_id, server_id) DO UPDATE SET status = excluded.status, error = excluded.error,
                duration_ms = excluded.duration_ms, tool_count = excluded.tool_count, provenance = excluded.provenance, at = excluded.at
            """,
            ("$run", attempt.RunId), ("$server", attempt.ServerId), ("$status", attempt.Status.ToString()),
            ("$error", attempt.Error), ("$ms", attempt.DurationMs), ("$count", attempt.ToolCount),
            ("$prov", attempt.Provenance.ToString()), ("$at", now));

        if (attempt.Status == AttemptStatus.Ok)
        {
            if (previous == nameof(AttemptStatus.Failed)) AddEvent(attempt.RunId, attempt.ServerId, null, "server-recovered", null, now);
            WriteToolList(attempt.RunId, attempt.ServerId, tools, attempt.Provenance, now);
        }
        else if (attempt.Status == AttemptStatus.Failed && previous != nameof(AttemptStatus.Failed))
        {
            AddEvent(attempt.RunId, attempt.ServerId, null, "server-failed", attempt.Error, now);
        }
        tx.Commit();
    }

    /// <summary>The newest attempt per server, keyed by server id.</summary>
    public IReadOnlyDictionary<string, CrawlAttempt> LatestAttempts() =>
        Query("""
            SELECT a.run_id, a.server_id, a.status, a.error, a.duration_ms, a.tool_count, a.provenance, a.at
            FROM crawl_attempts a JOIN (SELECT server_id, MAX(id) AS id FROM crawl_attempts GROUP BY server_id) m ON a.id = m.id
            """, ReadAttempt).ToDictionary(a => a.ServerId, StringComparer.Ordinal);

    public IReadOnlyList<CrawlAttempt> GetAttempts(long runId) =>
        Query("SELECT run_id, server_id, status, error, duration_ms, tool_count, provenance, at FROM crawl_attempts WHERE run_id = $r ORDER BY id",
            ReadAttempt, ("$r", runId)).ToList();

    private static CrawlAttempt ReadAttempt(Microsoft.Data.Sqlite.SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), Enum.Parse<AttemptStatus>(r.GetString(2)), NullableString(r, 3), r.GetInt64(4),
        r.GetInt32(5), Enum.Parse<Provenance>(r.GetString(6)), ParseTime(r.GetString(7)));

    public IReadOnlyList<ChangeEvent> GetEvents(DateTimeOffset? since = null) =>
        Query("SELECT id, run_id, server_id, tool_name, kind, detail, at FROM events WHERE at >= $since ORDER BY id",
            r => new ChangeEvent(r.GetInt64(0), r.GetInt64(1), r.GetString(2), NullableString(r, 3), r.GetString(4), NullableString(r, 5), ParseTime(r.GetString(6))),
            ("$since", (since ?? DateTimeOffset.MinValue).ToString("O", System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private void AddEvent(long run, string server, string? tool, string kind, string? detail, string now) =>
        Execute("INSERT INTO events (run_id, server_id, tool_name, kind, detail, at) VALUES ($r, $s, $t, $k, $d, $at)",
            ("$r", run), ("$s", server), ("$t", tool), ("$k", kind), ("$d", detail), ("$at", now));
}
