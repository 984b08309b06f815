using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Data.Store;

/// <summary>Reads shaped for the site generator, and the per-page input hashes that make it incremental.</summary>
public sealed partial class CatalogStore
{
    /// <summary>What a list of tools shows of a classification (<see cref="SiteToolRow.Listing"/>), as one SQL expression over <c>c</c>.</summary>
    private const string ListingColumn = "c.category || '|' || c.risk || '|' || coalesce(json_extract(c.document, '$.tags'), '[]') || '|' || coalesce(json_extract(c.document, '$.findings'), '[]')";

    /// <summary>The current tools of one server, ordered by name, as raw stored text (with their tool policy when stored).</summary>
    public IEnumerable<SiteToolRow> GetSiteToolRows(string serverId, string policyFormat) =>
        Query($"""
            SELECT t.server_id, t.name, t.current_hash, t.provenance, t.first_seen, t.last_seen, v.definition, c.document, c.category, p.content,
                   {ListingColumn}
            FROM tools t
            JOIN tool_versions v ON v.server_id = t.server_id AND v.tool_name = t.name AND v.hash = t.current_hash
            LEFT JOIN classifications c ON c.server_id = t.server_id AND c.tool_name = t.name AND c.hash = t.current_hash
            LEFT JOIN policies p ON p.server_id = t.server_id AND p.tool_name = t.name AND p.format = $f
            WHERE t.removed_at IS NULL AND t.server_id = $s
            ORDER BY t.name
            """, ReadSiteToolRow, ("$s", serverId), ("$f", policyFormat));

    /// <summary>
    /// The current tools of one server as a list of tools shows them: <see cref="GetSiteToolRows"/> without the
    /// definition (empty) and the tool policy (null), for a server page rendered while its tool pages are kept.
    /// </summary>
    public IEnumerable<SiteToolRow> GetSiteListingRows(string serverId) =>
        Query($"""
            SELECT t.server_id, t.name, t.current_hash, t.provenance, t.first_seen, t.last_seen, '', c.document, c.category, NULL,
                   {ListingColumn}
            FROM tools t
            LEFT JOIN classifications c ON c.server_id = t.server_id AND c.tool_name = t.name AND c.hash = t.current_hash
            WHERE t.removed_at IS NULL AND t.server_id = $s
            ORDER BY t.name
            """, ReadSiteToolRow, ("$s", serverId));

    private static SiteToolRow ReadSiteToolRow(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            r.GetString(6), NullableString(r, 7), NullableString(r, 8), NullableString(r, 9), NullableString(r, 10));

    /// <summary>Parses a <see cref="SiteToolRow"/> into the domain record.</summary>
    public static CatalogTool ToCatalogTool(SiteToolRow row) => new(
        row.ServerId,
        JsonSerializer.Deserialize(row.Definition, CatalogJson.Default.ToolDefinition)!,
        row.Hash,
        Enum.Parse<Provenance>(row.Provenance),
        ParseTime(row.FirstSeen),
        ParseTime(row.LastSeen),
        row.Classification is null ? null : JsonSerializer.Deserialize(row.Classification, CatalogJson.Default.Classification));

    /// <summary>
    /// The tool as a list of tools shows it: name and classification, with the definition reduced to the name. For
    /// the server page, which must not pay for parsing every definition of a server when one tool changed.
    /// </summary>
    public static CatalogTool ToListedTool(SiteToolRow row) => new(
        row.ServerId,
        new ToolDefinition(row.Name, null, null, null, null),
        row.Hash,
        Enum.Parse<Provenance>(row.Provenance),
        ParseTime(row.FirstSeen),
        ParseTime(row.LastSeen),
        row.Classification is null ? null : JsonSerializer.Deserialize(row.Classification, CatalogJson.Default.Classification));

    public static ToolDefinition ParseDefinition(string json) => JsonSerializer.Deserialize(json, CatalogJson.Default.ToolDefinition)!;

    /// <summary>
    /// Every stored policy of one server except those in <paramref name="skipFormat"/> (the site reads that one with
    /// the tool rows), in one query: (format, tool name or "" for the server-wide document, content); with
    /// <paramref name="serverWideOnly"/>, the server-wide documents alone.
    /// </summary>
    public IReadOnlyList<(string Format, string Tool, string Content)> GetServerPolicies(string serverId, string skipFormat, bool serverWideOnly = false) =>
        Query("SELECT format, tool_name, content FROM policies WHERE server_id = $s AND format <> $f AND ($w = 0 OR tool_name = '') ORDER BY format, tool_name",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)), ("$s", serverId), ("$f", skipFormat), ("$w", serverWideOnly ? 1 : 0)).ToList();

    /// <summary>
    /// Every stored version of every current tool of one server in one query, by tool name then age. The definition
    /// text is only read for tools that have more than one version (the others have nothing to diff).
    /// </summary>
    public IReadOnlyList<SiteToolVersion> GetServerHistory(string serverId) =>
        Query("""
            SELECT v.tool_name, v.hash, CASE WHEN n.cnt > 1 THEN v.definition END, v.first_seen, v.last_seen
            FROM tool_versions v
            JOIN (SELECT tool_name, COUNT(*) AS cnt FROM tool_versions WHERE server_id = $s GROUP BY tool_name) n ON n.tool_name = v.tool_name
            WHERE v.server_id = $s
            ORDER BY v.tool_name, v.id
            """, r => new SiteToolVersion(r.GetString(0), r.GetString(1), NullableString(r, 2), ParseTime(r.GetString(3)), ParseTime(r.GetString(4))),
            ("$s", serverId)).ToList();

    /// <summary>Streams server, name and category of every current tool, ordered by server and name; reads no JSON.</summary>
    public IEnumerable<SiteToolKey> GetSiteToolKeys() =>
        Query("""
            SELECT t.server_id, t.name, c.category
            FROM tools t
            LEFT JOIN classifications c ON c.server_id = t.server_id AND c.tool_name = t.name AND c.hash = t.current_hash
            WHERE t.removed_at IS NULL
            ORDER BY t.server_id, t.name
            """, r => new SiteToolKey(r.GetString(0), r.GetString(1), NullableString(r, 2)));

    /// <summary>The newest events, newest first.</summary>
    public IReadOnlyList<ChangeEvent> GetRecentEvents(int limit) =>
        Query("SELECT id, run_id, server_id, tool_name, kind, detail, at FROM events ORDER BY id DESC LIMIT $l",
            r => new ChangeEvent(r.GetInt64(0), r.GetInt64(1), r.GetString(2), NullableString(r, 3), r.GetString(4), NullableString(r, 5), ParseTime(r.GetString(6))),
            ("$l", limit)).ToList();

    /// <summary>
    /// Every server's stamp: a number the store's triggers replace whenever a row the site reads for that server
    /// changes (its row, its tools, their versions, classifications and policies; not its crawl attempts).
    /// </summary>
    public Dictionary<string, long> GetSiteStamps()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (server, stamp) in Query("SELECT server_id, stamp FROM site_stamps", r => (r.GetString(0), r.GetInt64(1))))
            result[server] = stamp;
        return result;
    }

    /// <summary>The stored input hash and summary of one path of one output folder, or null.</summary>
    public (string Hash, string? Summary)? GetSitePage(string site, string path) =>
        Query("SELECT input_hash, summary FROM site_pages WHERE site = $site AND path = $p",
            r => ((string Hash, string? Summary)?)(r.GetString(0), NullableString(r, 1)), ("$site", site), ("$p", path)).FirstOrDefault();

    /// <summary>The stored input hash of every published page under <paramref name="prefix"/> for one output folder.</summary>
    public Dictionary<string, (string Hash, string? Summary)> GetSitePageHashes(string site, string prefix)
    {
        var result = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var (path, hash, summary) in Query("SELECT path, input_hash, summary FROM site_pages WHERE site = $site AND path >= $p AND path < $end",
                     r => (r.GetString(0), r.GetString(1), NullableString(r, 2)), ("$site", site), ("$p", prefix), ("$end", prefix + "\uffff")))
            result[path] = (hash, summary);
        return result;
    }

    /// <summary>Records hashes of pages rendered in this run; they count only after <see cref="CommitSitePageHashes"/>.</summary>
    public void SavePendingSitePageHashes(string site, IReadOnlyList<(string Path, string Hash, string? Summary)> pages)
    {
        if (pages.Count == 0) return;
        using var tx = Begin();
        foreach (var (path, hash, summary) in pages)
            Execute("INSERT OR REPLACE INTO site_pages_pending (site, path, input_hash, summary) VALUES ($site, $p, $h, $sum)", ("$site", site), ("$p", path), ("$h", hash), ("$sum", summary));
        tx.Commit();
    }

    /// <summary>Called once the site is published: pending hashes become the recorded ones, in one transaction.</summary>
    public void CommitSitePageHashes(string site, bool full)
    {
        using var tx = Begin();
        if (full) Execute("DELETE FROM site_pages WHERE site = $site", ("$site", site));
        Execute("INSERT OR REPLACE INTO site_pages (site, path, input_hash, summary) SELECT site, path, input_hash, summary FROM site_pages_pending WHERE site = $site", ("$site", site));
        Execute("DELETE FROM site_pages_pending WHERE site = $site", ("$site", site));
        tx.Commit();
    }

    /// <summary>Forgets hashes of a run that did not publish, and (when asked) every recorded hash of the folder.</summary>
    public void DiscardPendingSitePageHashes(string site, bool all = false)
    {
        Execute("DELETE FROM site_pages_pending WHERE site = $site", ("$site", site));
        if (all) Execute("DELETE FROM site_pages WHERE site = $site", ("$site", site));
    }
}
