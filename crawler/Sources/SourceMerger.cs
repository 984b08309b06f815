using Catalog.Crawler.Launch;
using Catalog.Data.Store;

namespace Catalog.Crawler.Sources;

/// <summary>One server after merging, with what each source said about it.</summary>
/// <param name="Keys">Merge keys (<c>repo:https://github.com/o/r</c>, <c>npm:pkg</c>, <c>name:registry-name</c>).</param>
/// <param name="Withdrawn">A source withdrew it (registry <c>deleted</c>): it is recorded, not crawled.</param>
public sealed record MergedServer(SourceRecord Record, IReadOnlyList<SourcedRecord> Sources, IReadOnlyList<string> Keys, bool Withdrawn);

/// <summary>
/// Merges records from several sources: records sharing a repository URL, an npm package or a registry name are one
/// server. The id is the registry/seed name when there is one, else the id the store already bound to a key, else
/// the normalised repository URL's host/path, else <c>npm:pkg</c>. Fields come from the most authoritative source
/// (registry, seed, npm, github, awesome), the launch from the first that can start it.
/// </summary>
public static class SourceMerger
{
    private static readonly string[] Authority = ["registry", "seed", "mcp-config", "npm", "github", "awesome"];

    public static IReadOnlyList<MergedServer> Merge(IEnumerable<SourceRead> reads, Func<string, string?>? knownKey = null)
    {
        var records = reads.SelectMany(r => r.Records).ToList();
        var parent = Enumerable.Range(0, records.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = records.Select(Keys).ToList();
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var k in keys[i])
            {
                if (byKey.TryGetValue(k, out var j)) parent[Find(i)] = Find(j);
                else byKey[k] = i;
            }
        }
        return Enumerable.Range(0, records.Count).GroupBy(Find).Select(g =>
        {
            var members = g.Select(i => records[i]).OrderBy(r => Rank(r.Source)).ThenBy(r => r.SourceKey, StringComparer.Ordinal).ToList();
            var allKeys = g.SelectMany(i => keys[i]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var primary = members[0].Record;
            var id = members.FirstOrDefault(m => m.Source is "registry" or "seed" or "mcp-config")?.Record.Server.Id
                ?? allKeys.Select(k => knownKey?.Invoke(k)).FirstOrDefault(k => k is not null)
                ?? members.Select(m => RepoUrl.Normalise(m.Record.Server.RepositoryUrl)).FirstOrDefault(u => u is not null)?.Replace("https://", "", StringComparison.Ordinal)
                ?? primary.Server.Id;
            var launch = members.Select(m => m.Record.Launch).OrderBy(LaunchRank).First();
            var server = primary.Server with
            {
                Id = id,
                Source = string.Join("+", members.Select(m => m.Source).Distinct(StringComparer.Ordinal)),
                RepositoryUrl = primary.Server.RepositoryUrl ?? members.Select(m => m.Record.Server.RepositoryUrl).FirstOrDefault(u => u is not null),
                Description = primary.Server.Description ?? members.Select(m => m.Record.Server.Description).FirstOrDefault(d => d is not null),
                Packages = members.SelectMany(m => m.Record.Server.Packages).DistinctBy(p => (p.RegistryType, p.Identifier)).ToList(),
            };
            var withdrawn = members.Any(m => m.Status == "deleted");
            return new MergedServer(new SourceRecord(server, withdrawn ? new NoLaunch("withdrawn by the registry (status deleted)") : launch), members, allKeys, withdrawn);
        }).OrderBy(m => m.Record.Server.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Records the merge in the store: each source's view as provenance and each key bound to the id.</summary>
    public static void Save(CatalogStore store, IReadOnlyList<MergedServer> merged) => store.InTransaction(() =>
    {
        foreach (var m in merged)
        {
            foreach (var s in m.Sources) store.UpsertServerSource(m.Record.Server.Id, s.Source, s.SourceKey, s.Status, s.Record.Server.Document);
            foreach (var k in m.Keys) store.BindServerKey(k, m.Record.Server.Id);
        }
    });

    /// <summary>The records to crawl: withdrawn servers are left out.</summary>
    public static SourceResult ToCrawl(IReadOnlyList<MergedServer> merged, IEnumerable<SourceError> errors) =>
        new(merged.Where(m => !m.Withdrawn).Select(m => m.Record).ToList(), errors.ToList());

    private static IEnumerable<string> Keys(SourcedRecord r)
    {
        var s = r.Record.Server;
        if (r.Source is "registry" or "seed") yield return "name:" + s.Id;
        if (RepoUrl.Normalise(s.RepositoryUrl) is { } repo)
        {
            // A monorepo holds many servers: only a repository without a subfolder identifies one server.
            var sub = Subfolder(s.Document);
            yield return sub is null ? "repo:" + repo : $"repo:{repo}/{sub}";
        }
        foreach (var p in s.Packages.Where(p => p.RegistryType == "npm" && p.Identifier.Length > 0)) yield return "npm:" + p.Identifier;
    }

    private static string? Subfolder(string document)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(document);
            return Json.Obj(doc.RootElement, "repository") is { } r ? Json.Str(r, "subfolder")?.Trim('/') is { Length: > 0 } sf ? sf : null : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static int Rank(string source) => Array.IndexOf(Authority, source) is var i and >= 0 ? i : Authority.Length;

    private static int LaunchRank(LaunchSpec l) => l switch { NpmLaunch => 0, CommandLaunch => 1, RemoteLaunch => 2, SourceTreeLaunch => 3, _ => 4 };
}
