using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Data.Store;

public sealed partial class CatalogStore
{
    private static readonly HashSet<string> InjectionFindings = new(StringComparer.Ordinal) { "prompt-injection", "hidden-text" };

    private ToolDefinition? VersionDefinition(string server, string tool, string hash) =>
        Query("SELECT definition FROM tool_versions WHERE server_id = $s AND tool_name = $n AND hash = $h",
            r => JsonSerializer.Deserialize(r.GetString(0), CatalogJson.Default.ToolDefinition), ("$s", server), ("$n", tool), ("$h", hash)).FirstOrDefault();

    /// <summary>
    /// Definition changes that made a tool more dangerous, found by comparing the stored classifications of each pair
    /// of consecutive versions: the category or the risk rose, or a prompt-injection / hidden-text finding appeared.
    /// Pairs where either version is not classified yet are left for a later call.
    /// </summary>
    public IReadOnlyList<RugPull> FindRugPulls()
    {
        var pairs = Query("""
            SELECT server_id, tool_name, prev_hash, hash, first_seen FROM (
                SELECT server_id, tool_name, hash, first_seen,
                       LAG(hash) OVER (PARTITION BY server_id, tool_name ORDER BY id) AS prev_hash
                FROM tool_versions)
            WHERE prev_hash IS NOT NULL ORDER BY server_id, tool_name, first_seen
            """, r => (Server: r.GetString(0), Tool: r.GetString(1), Old: r.GetString(2), New: r.GetString(3), At: ParseTime(r.GetString(4)))).ToList();
        var result = new List<RugPull>();
        foreach (var p in pairs)
        {
            var before = ClassificationOf(p.Server, p.Tool, p.Old);
            var after = ClassificationOf(p.Server, p.Tool, p.New);
            if (before is null || after is null) continue;
            var reasons = new List<string>();
            if (after.Category > before.Category) reasons.Add($"category {before.Category} -> {after.Category}");
            if (after.Risk > before.Risk) reasons.Add($"risk {before.Risk} -> {after.Risk}");
            var injected = after.Findings.Select(f => f.Type).Where(InjectionFindings.Contains)
                .Except(before.Findings.Select(f => f.Type)).Order(StringComparer.Ordinal).ToList();
            if (injected.Count > 0) reasons.Add("new " + string.Join(", ", injected));
            if (reasons.Count > 0) result.Add(new RugPull(p.Server, p.Tool, p.Old, p.New, string.Join("; ", reasons), p.At));
        }
        return result;
    }

    /// <summary>
    /// The hook the classify stage calls after saving classifications: every rug pull not yet recorded becomes a
    /// <c>rug-pull</c> event (once per version pair). Returns how many were new.
    /// </summary>
    public int RecordRugPulls(long runId = 0)
    {
        var found = FindRugPulls();
        var added = 0;
        InTransaction(() =>
        {
            foreach (var r in found)
            {
                var detail = $"{r.OldHash[..12]} -> {r.NewHash[..12]}: {r.Reason}";
                var exists = Convert.ToInt64(Scalar("SELECT COUNT(*) FROM events WHERE kind = 'rug-pull' AND server_id = $s AND tool_name = $n AND detail LIKE $d",
                    ("$s", r.ServerId), ("$n", r.ToolName), ("$d", $"{r.OldHash[..12]} -> {r.NewHash[..12]}:%")), System.Globalization.CultureInfo.InvariantCulture) > 0;
                if (exists) continue;
                AddEvent(runId, r.ServerId, r.ToolName, "rug-pull", detail, Now());
                added++;
            }
        });
        return added;
    }

    private Classification? ClassificationOf(string server, string tool, string hash) =>
        Query("SELECT document FROM classifications WHERE server_id = $s AND tool_name = $n AND hash = $h",
            r => JsonSerializer.Deserialize(r.GetString(0), CatalogJson.Default.Classification), ("$s", server), ("$n", tool), ("$h", hash)).FirstOrDefault();
}
