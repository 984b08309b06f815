using System.Buffers;
using System.Text.Json;
using Catalog.Data.Store;
using Catalog.Site.Output;
using Catalog.Site.Views;

namespace Catalog.Site.Search;

/// <summary>
/// The prebuilt client-side search index under <c>api/search/</c>, streamed from the spilled tool rows, so that a
/// query downloads only what it needs. A tool's id is its position in catalog order (server, then tool).
/// <list type="bullet">
/// <item><c>meta.json</c>: <c>{"v":2,"tools":N,"chunk":10,"servers":[[slug,name,tools],…],"shards":[key,…]}</c>; a
/// server's tools are the ids after the tools of the servers listed before it.</item>
/// <item><c>terms/KEY.json</c>: postings per term (<see cref="TermShards"/>).</item>
/// <item><c>facets/NAME.json</c>: postings per filter value (<see cref="FacetFiles"/>).</item>
/// <item><c>docs/N.json</c>: the rows of tools N×chunk to N×chunk+chunk−1,
/// <c>[[server,name,slug,category,risk,tags,findings,description],…]</c> with category 0–2 / risk 0–3 or -1.</item>
/// </list>
/// Strings are JSON-escaped with &lt;, &gt;, &amp; and non-ASCII as \u escapes, and site.js only ever puts them into
/// the page as text.
/// </summary>
public static class SearchIndex
{
    public const int Version = 2;

    /// <summary>
    /// Tools per doc chunk. Results ranked by a query are scattered over the catalog, so a page of 100 of them touches
    /// nearly 100 chunks: measured at 20,000 tools, chunks of 100 cost 1.5 MB for such a page, chunks of 10 about 150 KB
    /// (and ten small files for a page in catalog order).
    /// </summary>
    public const int Chunk = 10;

    /// <returns>Every file of the index, in path order.</returns>
    public static IReadOnlyList<string> Write(SiteWriter writer, CatalogStore store, string site, bool full, IReadOnlyList<ServerSummary> servers, string summaries)
    {
        var files = new SearchFiles(writer, store, site, full);
        Build(writer, files, servers, summaries);
        return files.Finish();
    }

    /// <summary>
    /// Writes the index's files through <paramref name="files"/> without touching the store, so it may run beside the
    /// list pages; the caller then calls <see cref="SearchFiles.Finish"/>.
    /// </summary>
    public static void Build(SiteWriter writer, SearchFiles files, IReadOnlyList<ServerSummary> servers, string summaries)
    {
        var serverIndex = servers.Select((s, i) => (s.Id, i)).ToDictionary(s => s.Id, s => s.i, StringComparer.Ordinal);
        var counts = new int[servers.Count];
        using var shards = new TermShards(writer);
        using var facets = new FacetFiles(writer);
        var chunk = new List<ToolSummary>(Chunk);
        var id = 0;
        var last = -1;
        foreach (var line in File.ReadLines(summaries))
        {
            var tool = ToolSummary.Decode(line);
            var server = serverIndex[tool.ServerId];
            // The server filter and the client's server names rely on each server's tools being one run.
            if (server < last) throw new InvalidOperationException($"Tool rows are not in catalog order at {tool.ServerId}.");
            last = server;
            counts[server]++;
            shards.Add(id, SearchTerms.Of(tool));
            facets.Add(id, tool);
            chunk.Add(tool);
            id++;
            if (chunk.Count == Chunk) WriteDocs(files, id / Chunk - 1, chunk, serverIndex);
        }
        if (chunk.Count > 0) WriteDocs(files, id / Chunk, chunk, serverIndex);
        facets.Finish(files);
        var keys = shards.Finish(files);
        files.Write(SitePaths.SearchMeta, Json(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteNumber("tools", id);
            json.WriteNumber("chunk", Chunk);
            json.WriteStartArray("servers");
            for (var i = 0; i < servers.Count; i++)
            {
                json.WriteStartArray();
                json.WriteStringValue(servers[i].Slug);
                json.WriteStringValue(servers[i].Name);
                json.WriteNumberValue(counts[i]);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteStartArray("shards");
            foreach (var key in keys) json.WriteStringValue(key);
            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    /// <summary>
    /// Keeps the published index whole, for a run in which nothing it is made from changed; false, with nothing kept,
    /// when one of its files is missing (the caller then writes it).
    /// </summary>
    public static bool KeepWhole(SiteWriter writer, IReadOnlyList<string> files)
    {
        var batch = writer.StartBatch();
        if (files.Count == 0 || !batch.KeepAll(files)) return false;
        writer.CommitInPathOrder(batch);
        return true;
    }

    private static void WriteDocs(SearchFiles files, int number, List<ToolSummary> tools, Dictionary<string, int> serverIndex)
    {
        files.Write(SitePaths.SearchDocs(number), Json(json =>
        {
            json.WriteStartArray();
            foreach (var t in tools)
            {
                json.WriteStartArray();
                json.WriteNumberValue(serverIndex[t.ServerId]);
                json.WriteStringValue(t.Name);
                json.WriteStringValue(t.Slug);
                json.WriteNumberValue(t.Category is { } c ? (int)c : -1);
                json.WriteNumberValue(t.Risk is { } r ? (int)r : -1);
                json.WriteStringValue(string.Join(' ', t.Tags));
                json.WriteNumberValue(t.Findings);
                json.WriteStringValue(t.Description);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }));
        tools.Clear();
    }

    /// <summary>One compact JSON file of the index, with the writer's default escaping (&lt;, &gt;, &amp; and non-ASCII as \u escapes).</summary>
    internal static byte[] Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer)) write(json);
        return buffer.WrittenSpan.ToArray();
    }
}
