using System.Security.Cryptography;
using System.Text.Json;
using Catalog.Data.Store;
using Catalog.Site.Output;
using Catalog.Site.Views;

namespace Catalog.Site.Build;

/// <summary>
/// The prebuilt client-side search index, <c>api/search.json</c>, streamed from the spilled tool rows:
/// <c>{"v":1,"servers":[[slug,name],…],"tools":[[server,name,slug,category,risk,tags,findings,description],…]}</c>
/// with category 0–2 / risk 0–3 or -1. Strings are JSON-escaped with &lt;, &gt;, &amp; and non-ASCII as \u escapes,
/// and site.js only ever puts them into the page as text.
/// </summary>
public static class SearchIndex
{
    public static void Write(SiteWriter writer, CatalogStore store, string site, bool full, IReadOnlyList<ServerSummary> servers, string summaries)
    {
        var scratch = writer.ScratchFile("search.json");
        var serverIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var file = File.Create(scratch))
        using (var w = new Utf8JsonWriter(file))
        {
            w.WriteStartObject();
            w.WriteNumber("v", 1);
            w.WriteStartArray("servers");
            foreach (var s in servers)
            {
                serverIndex[s.Id] = serverIndex.Count;
                w.WriteStartArray();
                w.WriteStringValue(s.Slug);
                w.WriteStringValue(s.Name);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("tools");
            foreach (var line in File.ReadLines(summaries))
            {
                var t = ToolSummary.Decode(line);
                w.WriteStartArray();
                w.WriteNumberValue(serverIndex[t.ServerId]);
                w.WriteStringValue(t.Name);
                w.WriteStringValue(t.Slug);
                w.WriteNumberValue(t.Category is { } c ? (int)c : -1);
                w.WriteNumberValue(t.Risk is { } r ? (int)r : -1);
                w.WriteStringValue(string.Join(' ', t.Tags));
                w.WriteNumberValue(t.Findings);
                w.WriteStringValue(t.Description);
                w.WriteEndArray();
                if (w.BytesPending > 1 << 16) w.Flush();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        string hash;
        using (var stream = File.OpenRead(scratch)) hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        var stored = full ? [] : store.GetSitePageHashes(site, SitePaths.SearchIndex);
        if (stored.TryGetValue(SitePaths.SearchIndex, out var was) && was.Hash == hash && writer.Keep(SitePaths.SearchIndex)) return;
        writer.WriteFile(SitePaths.SearchIndex, scratch);
        store.SavePendingSitePageHashes(site, [(SitePaths.SearchIndex, hash, null)]);
    }
}
