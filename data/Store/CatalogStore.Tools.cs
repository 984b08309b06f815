using System.Text.Json;
using Catalog.Data.Model;
using Microsoft.Data.Sqlite;

namespace Catalog.Data.Store;

public sealed partial class CatalogStore
{
    private void WriteToolList(long run, string server, IReadOnlyList<ToolDefinition> tools, Provenance provenance, string now)
    {
        var current = new Dictionary<string, (string Hash, bool Removed)>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT name, current_hash, removed_at FROM tools WHERE server_id = $s", ("$s", server)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read()) current[r.GetString(0)] = (r.GetString(1), !r.IsDBNull(2));
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (!listed.Add(tool.Name)) continue; // a server that lists a name twice: the first definition counts
            var hash = tool.Hash;
            var json = JsonSerializer.Serialize(tool, CatalogJson.Default.ToolDefinition);
            Execute("""
                INSERT INTO tool_versions (server_id, tool_name, hash, definition, provenance, first_seen, last_seen)
                VALUES ($s, $n, $h, $d, $p, $now, $now)
                ON CONFLICT(server_id, tool_name, hash) DO UPDATE SET last_seen = excluded.last_seen
                """, ("$s", server), ("$n", tool.Name), ("$h", hash), ("$d", json), ("$p", provenance.ToString()), ("$now", now));

            if (!current.TryGetValue(tool.Name, out var was))
            {
                Execute("INSERT INTO tools (server_id, name, current_hash, provenance, first_seen, last_seen) VALUES ($s, $n, $h, $p, $now, $now)", ("$s", server), ("$n", tool.Name), ("$h", hash), ("$p", provenance.ToString()), ("$now", now));
                AddEvent(run, server, tool.Name, "added", null, now);
            }
            else
            {
                Execute("UPDATE tools SET current_hash = $h, provenance = $p, last_seen = $now, removed_at = NULL WHERE server_id = $s AND name = $n", ("$s", server), ("$n", tool.Name), ("$h", hash), ("$p", provenance.ToString()), ("$now", now));
                if (was.Removed) AddEvent(run, server, tool.Name, "added", "listed again", now);
                else if (was.Hash != hash) AddEvent(run, server, tool.Name, "definition-changed", DefinitionDiff.Describe(was.Hash, VersionDefinition(server, tool.Name, was.Hash), hash, tool), now);
            }
            // The FTS row shares the tool row's rowid: a lookup by rowid, not a scan of the whole index per tool.
            var rowid = ToolRowId(server, tool.Name);
            Execute("DELETE FROM tools_fts WHERE rowid = $r", ("$r", rowid));
            Execute("INSERT INTO tools_fts (rowid, server_id, name, description) VALUES ($r, $s, $n, $d)", ("$r", rowid),
                ("$s", server), ("$n", tool.Name), ("$d", tool.Description ?? ""));
        }

        foreach (var (name, state) in current)
        {
            if (listed.Contains(name) || state.Removed) continue;
            Execute("UPDATE tools SET removed_at = $now WHERE server_id = $s AND name = $n", ("$s", server), ("$n", name), ("$now", now));
            Execute("DELETE FROM tools_fts WHERE rowid = $r", ("$r", ToolRowId(server, name)));
            AddEvent(run, server, name, "removed", null, now);
        }
    }

    private long ToolRowId(string server, string name) =>
        (long)Scalar("SELECT rowid FROM tools WHERE server_id = $s AND name = $n", ("$s", server), ("$n", name))!;

    /// <summary>
    /// Streams the current (not removed) tools, ordered by server and name, each with the classification of its
    /// current definition when there is one. Memory does not grow with the catalog.
    /// </summary>
    public IEnumerable<CatalogTool> GetTools(string? serverId = null) =>
        Query("""
            SELECT t.server_id, v.definition, t.current_hash, t.provenance, t.first_seen, t.last_seen, c.document
            FROM tools t
            JOIN tool_versions v ON v.server_id = t.server_id AND v.tool_name = t.name AND v.hash = t.current_hash
            LEFT JOIN classifications c ON c.server_id = t.server_id AND c.tool_name = t.name AND c.hash = t.current_hash
            WHERE t.removed_at IS NULL AND ($server IS NULL OR t.server_id = $server)
            ORDER BY t.server_id, t.name
            """, r => new CatalogTool(
                r.GetString(0),
                JsonSerializer.Deserialize(r.GetString(1), CatalogJson.Default.ToolDefinition)!,
                r.GetString(2),
                Enum.Parse<Provenance>(r.GetString(3)),
                ParseTime(r.GetString(4)),
                ParseTime(r.GetString(5)),
                r.IsDBNull(6) ? null : JsonSerializer.Deserialize(r.GetString(6), CatalogJson.Default.Classification)),
            ("$server", serverId));

    public int CountToolVersions() => Convert.ToInt32(Scalar("SELECT COUNT(*) FROM tool_versions"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Server ids whose tool names match an FTS5 query (name or description).</summary>
    public IReadOnlyList<(string ServerId, string Name)> Search(string ftsQuery, int limit = 50) =>
        Query("SELECT server_id, name FROM tools_fts WHERE tools_fts MATCH $q ORDER BY rank LIMIT $l",
            r => (r.GetString(0), r.GetString(1)), ("$q", ftsQuery), ("$l", limit)).ToList();
}
