using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Data.Store;

public sealed partial class CatalogStore
{
    /// <summary>Current tools with no classification by this classifier version yet.</summary>
    public IEnumerable<CatalogTool> ToolsNeedingClassification(string classifierVersion) =>
        GetTools().Where(t => t.Classification?.ClassifierVersion != classifierVersion);

    /// <summary>Saves classifications in one transaction (a batch either lands whole or not at all).</summary>
    public void SaveClassifications(IEnumerable<(string ServerId, string ToolName, string Hash, Classification Result)> batch)
    {
        using var tx = Begin();
        var now = Now();
        foreach (var (server, tool, hash, c) in batch)
        {
            Execute("""
                INSERT INTO classifications (server_id, tool_name, hash, classifier_version, category, risk, confidence, document, classified_at)
                VALUES ($s, $n, $h, $v, $cat, $risk, $conf, $doc, $now)
                ON CONFLICT(server_id, tool_name, hash) DO UPDATE SET classifier_version = excluded.classifier_version,
                    category = excluded.category, risk = excluded.risk, confidence = excluded.confidence,
                    document = excluded.document, classified_at = excluded.classified_at
                """, ("$s", server), ("$n", tool), ("$h", hash), ("$v", c.ClassifierVersion), ("$cat", c.Category.ToString()),
                ("$risk", c.Risk.ToString()), ("$conf", c.Confidence), ("$doc", JsonSerializer.Serialize(c, CatalogJson.Default.Classification)), ("$now", now));
        }
        tx.Commit();
    }

    /// <summary>Stores a rendered policy document; <paramref name="toolName"/> null means the server-wide policy.</summary>
    public void SavePolicy(string serverId, string? toolName, string format, string content) =>
        Execute("""
            INSERT INTO policies (server_id, tool_name, format, content) VALUES ($s, $n, $f, $c)
            ON CONFLICT(server_id, tool_name, format) DO UPDATE SET content = excluded.content
            """, ("$s", serverId), ("$n", toolName ?? ""), ("$f", format), ("$c", content));

    public string? GetPolicy(string serverId, string? toolName, string format) =>
        Query("SELECT content FROM policies WHERE server_id = $s AND tool_name = $n AND format = $f",
            r => r.GetString(0), ("$s", serverId), ("$n", toolName ?? ""), ("$f", format)).FirstOrDefault();

    /// <summary>Runs <paramref name="work"/> in one transaction (for callers that write many rows together).</summary>
    public void InTransaction(Action work)
    {
        using var tx = Begin();
        work();
        tx.Commit();
    }
}
