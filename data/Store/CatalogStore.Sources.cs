using System.Globalization;
using Catalog.Data.Model;

namespace Catalog.Data.Store;

public sealed partial class CatalogStore
{
    /// <summary>Records what one source says about a server (insert or refresh; first_seen is kept).</summary>
    public void UpsertServerSource(string serverId, string source, string sourceKey, string status, string document) =>
        Execute("""
            INSERT INTO server_sources (server_id, source, source_key, status, document, first_seen, last_seen)
            VALUES ($id, $src, $key, $status, $doc, $now, $now)
            ON CONFLICT(server_id, source, source_key) DO UPDATE SET status = excluded.status, document = excluded.document,
                last_seen = excluded.last_seen
            """, ("$id", serverId), ("$src", source), ("$key", sourceKey), ("$status", status), ("$doc", document), ("$now", Now()));

    public IReadOnlyList<ServerSource> GetServerSources(string serverId) =>
        Query("SELECT server_id, source, source_key, status, document, first_seen, last_seen FROM server_sources WHERE server_id = $id ORDER BY source, source_key",
            r => new ServerSource(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), ParseTime(r.GetString(5)), ParseTime(r.GetString(6))),
            ("$id", serverId)).ToList();

    /// <summary>Binds a merge key (<c>repo:github.com/o/r</c>, <c>npm:pkg</c>) to a server id; the first binding wins.</summary>
    public void BindServerKey(string key, string serverId) =>
        Execute("INSERT INTO server_keys (key, server_id) VALUES ($k, $s) ON CONFLICT(key) DO NOTHING", ("$k", key), ("$s", serverId));

    /// <summary>The server id a merge key was bound to in an earlier run, if any.</summary>
    public string? ServerForKey(string key) =>
        Query("SELECT server_id FROM server_keys WHERE key = $k", r => r.GetString(0), ("$k", key)).FirstOrDefault();

    public string? GetSourceState(string source, string name) =>
        Query("SELECT value FROM source_state WHERE source = $s AND name = $n", r => r.GetString(0), ("$s", source), ("$n", name)).FirstOrDefault();

    public void SetSourceState(string source, string name, string value) =>
        Execute("INSERT INTO source_state (source, name, value) VALUES ($s, $n, $v) ON CONFLICT(source, name) DO UPDATE SET value = excluded.value",
            ("$s", source), ("$n", name), ("$v", value));

    public HttpCacheEntry? GetHttpCache(string url) =>
        Query("SELECT url, etag, last_modified, body, fetched_at FROM http_cache WHERE url = $u",
            r => new HttpCacheEntry(r.GetString(0), NullableString(r, 1), NullableString(r, 2), (byte[])r.GetValue(3), ParseTime(r.GetString(4))),
            ("$u", url)).FirstOrDefault();

    public void SaveHttpCache(string url, string? etag, string? lastModified, byte[] body) =>
        Execute("""
            INSERT INTO http_cache (url, etag, last_modified, body, fetched_at) VALUES ($u, $e, $l, $b, $now)
            ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, body = excluded.body, fetched_at = excluded.fetched_at
            """, ("$u", url), ("$e", etag), ("$l", lastModified), ("$b", body), ("$now", Now()));

    /// <summary>Records how statically extracted tools were found (written after <see cref="RecordAttempt"/>).</summary>
    public void SaveToolEvidence(IEnumerable<ToolEvidence> evidence)
    {
        using var tx = Begin();
        foreach (var e in evidence)
        {
            Execute("""
                INSERT INTO tool_evidence (server_id, tool_name, hash, provenance, confidence, location) VALUES ($s, $n, $h, $p, $c, $l)
                ON CONFLICT(server_id, tool_name, hash) DO UPDATE SET provenance = excluded.provenance, confidence = excluded.confidence, location = excluded.location
                """, ("$s", e.ServerId), ("$n", e.ToolName), ("$h", e.Hash), ("$p", e.Provenance.ToString()), ("$c", e.Confidence), ("$l", e.Location));
        }
        tx.Commit();
    }

    public IReadOnlyList<ToolEvidence> GetToolEvidence(string serverId) =>
        Query("SELECT server_id, tool_name, hash, provenance, confidence, location FROM tool_evidence WHERE server_id = $s ORDER BY tool_name",
            r => new ToolEvidence(r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<Provenance>(r.GetString(3)), r.GetDouble(4), r.GetString(5)),
            ("$s", serverId)).ToList();

    /// <summary>Records that a source withdrew a server (registry <c>deleted</c>); once per server and reason.</summary>
    public void RecordServerWithdrawn(long runId, string serverId, string reason)
    {
        var exists = Convert.ToInt64(Scalar("SELECT COUNT(*) FROM events WHERE server_id = $s AND kind = 'server-withdrawn' AND detail = $d",
            ("$s", serverId), ("$d", reason)), CultureInfo.InvariantCulture) > 0;
        if (!exists) AddEvent(runId, serverId, null, "server-withdrawn", reason, Now());
    }
}
