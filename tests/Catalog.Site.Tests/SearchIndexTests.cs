using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Output;
using Catalog.Site.Search;
using Catalog.Site.Tests.Fixture;
using Catalog.Site.Views;

namespace Catalog.Site.Tests;

/// <summary>The sharded search index written from tool rows directly: terms, postings, shards, and what a rebuild rewrites.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private static readonly ToolSummary[] Small =
    [
        Tool("acme/files", "read_file", Category.Read, RiskClass.Low, ["filesystem"], 0, "Read the contents of a file."),
        Tool("acme/files", "write_file", Category.Destructive, RiskClass.High, ["filesystem"], 2, "Write a file, replacing it."),
        Tool("acme/files", "readDirectory", Category.Read, RiskClass.Low, [], 0, "List a folder."),
        Tool("zed/mail", "send_email", Category.Write, RiskClass.High, ["external-communication"], 0, "Send an email to anyone, alpha."),
        Tool("zed/mail", "read", null, null, [], 1, "Reads mail."),
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "catalog-search-" + Guid.NewGuid().ToString("N"));
    private readonly CatalogStore _store;

    public SearchIndexTests()
    {
        Directory.CreateDirectory(_root);
        _store = CatalogStore.Open(Path.Combine(_root, "catalog.db"), new FixedClock(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero)));
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Text_splits_into_lowercase_ascii_words_at_separators_and_camel_case()
    {
        Assert.Equal(
            ["read", "file", "v2", "http", "server", "get", "user", "name", "caf", "s3bucket", new string('x', SearchTerms.MaxLength)],
            SearchTerms.Words("read_file-v2.HTTPServer getUserName a café S3Bucket " + new string('X', 40)));
        Assert.Equal("readfile", SearchTerms.Whole("read_file"));
        Assert.Null(SearchTerms.Whole("é-x"));
    }

    [Fact]
    public void A_tool_s_terms_carry_their_best_field_and_skip_stop_words()
    {
        var terms = SearchTerms.Of(Small[0]).ToDictionary(t => t.Term, t => t.Field);
        Assert.Equal(new Dictionary<string, int>
        {
            ["readfile"] = SearchTerms.WholeName, ["read"] = SearchTerms.NamePart, ["file"] = SearchTerms.NamePart,
            ["acmefiles"] = SearchTerms.Server, ["acme"] = SearchTerms.Server, ["files"] = SearchTerms.Server,
            ["filesystem"] = SearchTerms.Other, ["contents"] = SearchTerms.Other,
        }, terms);
    }

    [Fact]
    public void Description_terms_are_capped_per_tool()
    {
        var words = string.Join(' ', Enumerable.Range(0, 40).Select(i => "word" + i));
        var terms = SearchTerms.Of(Tool("s/x", "t1", null, null, [], 0, words));
        Assert.Equal(SearchTerms.MaxDescriptionTerms, terms.Count(t => t.Term.StartsWith("word", StringComparison.Ordinal)));
    }

    [Fact]
    public void Postings_list_each_tool_under_its_terms_facets_and_docs()
    {
        var (site, _) = Build("site", Small);
        var re = Shard(site, "re");
        Assert.Equal([[4], [0, 2], [], []], Fields(re["read"]));
        Assert.Equal([[0], [], [], []], Fields(re["readfile"]));
        Assert.Equal([[], [], [], [4]], Fields(re["reads"]));
        Assert.Equal([[], [], [3, 4], []], Fields(Shard(site, "ma")["mail"]));
        Assert.Equal([[], [], [], [3]], Fields(Shard(site, "al")["alpha"]));
        Assert.DoesNotContain("th", Keys(site)); // "the" is a stop word, and no other term starts so
        Assert.Equal([0, 2], Facet(site, "category-read"));
        Assert.Equal([1], Facet(site, "category-destructive"));
        Assert.Equal([1, 3], Facet(site, "risk-high"));
        Assert.Equal([0, 1], Facet(site, "tag-filesystem"));
        Assert.Equal([1, 4], Facet(site, "findings"));
        Assert.Equal("CB", Read<string>(site, SitePaths.SearchFacet("findings-counts"))); // 2 and 1
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, SitePaths.SearchMeta)));
        Assert.Equal(5, meta.RootElement.GetProperty("tools").GetInt32());
        Assert.Equal("""[["acme-files","acme/files",3],["zed-mail","zed/mail",2]]""", meta.RootElement.GetProperty("servers").GetRawText());
        Assert.Equal(Directory.GetFiles(Path.Combine(site, "api/search/terms")).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            meta.RootElement.GetProperty("shards").EnumerateArray().Select(k => k.GetString()));
        using var docs = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, SitePaths.SearchDocs(0))));
        Assert.Equal("""[0,"write_file","write_file",2,2,"filesystem",2,"Write a file, replacing it."]""", docs.RootElement[1].GetRawText());
    }

    [Fact]
    public void Shards_are_keyed_by_two_characters_and_a_large_one_splits_so_the_client_still_finds_every_term()
    {
        var (small, _) = Build("small", Small);
        Assert.All(Keys(small), k => Assert.Equal(2, k.Length));

        static string Letters(int i) => string.Concat((char)('a' + i / 676), (char)('a' + i / 26 % 26), (char)('a' + i % 26));
        var tools = Enumerable.Range(0, 6000).Select(i => Tool("s/x", "de" + Letters(i), null, null, [], 0, "")).ToList();
        var (site, _) = Build("large", tools);
        var keys = Keys(site);
        Assert.DoesNotContain("de", keys);
        Assert.Contains("dea", keys);
        var home = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            Assert.InRange(new FileInfo(Path.Combine(site, SitePaths.SearchTerms(key))).Length, 1, TermShards.ShardBytes);
            foreach (var term in Shard(site, key).Keys) home.Add(term, key);
        }
        foreach (var t in tools)
        {
            Assert.Contains(home[t.Name], ShardsFor(keys, t.Name));
            Assert.Contains(home[t.Name], ShardsFor(keys, t.Name[..3]));
            Assert.Contains(home[t.Name], ShardsFor(keys, "de"));
        }
    }

    [Fact]
    public void Two_builds_of_the_same_rows_are_byte_identical()
    {
        var (a, _) = Build("a", Small);
        var (b, _) = Build("b", Small);
        Assert.Equal(Snapshot(a), Snapshot(b));
    }

    [Fact]
    public void A_changed_tool_rewrites_only_its_doc_chunk_and_the_shards_of_its_terms()
    {
        var (site, first) = Build("site", Small);
        var before = Snapshot(site);
        var changed = Small.ToArray();
        changed[3] = changed[3] with { Description = "Send an email to anyone, alpine." };

        var (_, written) = Build("site", changed);
        var after = Snapshot(site);
        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(["api/search/docs/0.json", "api/search/terms/al.json"], after.Where(f => before[f.Key] != f.Value).Select(f => f.Key));
        Assert.Equal(2, written);
        Assert.True(first > 20);
        // Every file's hash is in the store, so the next build keeps it without reading it.
        var stored = _store.GetSitePageHashes(site, SitePaths.SearchFolder);
        Assert.All(after.Where(f => f.Key.StartsWith("api/", StringComparison.Ordinal)), f => Assert.Equal(f.Value, stored[f.Key].Hash, ignoreCase: true));

        // Without its last term a shard goes, and the shard list in meta.json changes with it.
        changed[3] = changed[3] with { Description = "Send an email to anyone." };
        (_, written) = Build("site", changed);
        Assert.False(File.Exists(Path.Combine(site, SitePaths.SearchTerms("al"))));
        Assert.DoesNotContain("al", Keys(site));
        Assert.Equal(2, written); // the doc chunk and meta.json
    }

    [Fact]
    public void Hostile_text_is_escaped_in_every_file_and_reads_back_unchanged()
    {
        const string name = "<script>alert(1)</script>";
        const string server = "\" onerror=\"x &amp; \u202E";
        const string description = "<img src=x onerror=alert(1)> \u200B café &";
        var evil = Tool("evil/x", name, null, null, ["<b>"], 0, description) with { ServerName = server };
        var (site, _) = Build("site", [evil]);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site, "api/search"), "*", SearchOption.AllDirectories))
        {
            var raw = File.ReadAllText(file);
            Assert.DoesNotContain(raw, c => c is '<' or '>' or '&' or >= (char)128);
        }
        using var docs = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, SitePaths.SearchDocs(0))));
        Assert.Equal(name, docs.RootElement[0][1].GetString());
        Assert.Equal(description, docs.RootElement[0][7].GetString());
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, SitePaths.SearchMeta)));
        Assert.Equal(server, meta.RootElement.GetProperty("servers")[0][1].GetString());
        Assert.All(Keys(site), k => Assert.Matches("^[a-z0-9]+$", k));
    }

    [Fact]
    public void A_catalog_of_50000_tools_has_no_file_over_64_KB_and_no_shard_of_several_terms_over_32_KB()
    {
        var random = new Random(7);
        string[] verbs = ["get", "list", "create", "update", "delete", "read", "write", "search", "send", "run", "fetch", "query", "upload", "sync", "move", "copy", "rename", "archive", "approve", "deploy"];
        string[] nouns = ["file", "issue", "user", "repo", "message", "channel", "table", "record", "bucket", "invoice", "ticket", "page", "document", "event", "calendar", "contact", "order", "payment", "branch", "commit", "secret", "key", "cluster", "pod", "image"];
        string[] syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "pre", "con", "de", "re", "in", "ex", "sta", "ber"];
        var vocabulary = Enumerable.Range(0, 3000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)]))).ToArray();
        var tools = Enumerable.Range(0, 50_000).Select(i => Tool(
            $"org{i / 100}/service{i / 100}", $"{verbs[random.Next(verbs.Length)]}_{nouns[random.Next(nouns.Length)]}_{i % 100}",
            (Category)random.Next(3), (RiskClass)random.Next(4), CapabilityTags.All.Where(_ => random.Next(4) == 0).ToArray(), random.Next(3) == 0 ? random.Next(1, 5) : 0,
            // Zipf-like: a few words are in most descriptions.
            string.Join(' ', Enumerable.Range(0, 14).Select(_ => vocabulary[(int)(Math.Pow(random.NextDouble(), 3) * vocabulary.Length)])))).ToList();

        var (site, _) = Build("site", tools);

        var files = Directory.EnumerateFiles(Path.Combine(site, "api/search"), "*", SearchOption.AllDirectories).ToList();
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 64 * 1024, f));
        foreach (var key in Keys(site))
        {
            var path = Path.Combine(site, SitePaths.SearchTerms(key));
            if (Shard(site, key).Count > 1) Assert.True(new FileInfo(path).Length <= TermShards.ShardBytes, path);
        }
        Assert.Equal(50_000 / SearchIndex.Chunk, Directory.GetFiles(Path.Combine(site, "api/search/docs")).Length);
    }

    private (string Site, int Written) Build(string name, IReadOnlyList<ToolSummary> tools)
    {
        var summaries = Path.Combine(_root, name + ".rows");
        File.WriteAllLines(summaries, tools.Select(t => t.Encode()));
        var servers = tools.GroupBy(t => t.ServerId, StringComparer.Ordinal)
            .Select(g => new ServerSummary(g.Key, g.First().ServerName, g.First().ServerSlug, g.Count(), new Dictionary<RiskClass, int>(), null)).ToList();
        var writer = new SiteWriter(Path.Combine(_root, name));
        _store.DiscardPendingSitePageHashes(writer.Root);
        SearchIndex.Write(writer, _store, writer.Root, false, servers, summaries);
        writer.Publish();
        _store.CommitSitePageHashes(writer.Root, false);
        return (writer.Root, writer.FilesWritten);
    }

    private static ToolSummary Tool(string server, string name, Category? category, RiskClass? risk, string[] tags, int findings, string description) =>
        new(server, server, server.Replace('/', '-'), name, name, category, risk, tags, findings, description);

    private static T Read<T>(string site, string path) => JsonSerializer.Deserialize<T>(File.ReadAllText(Path.Combine(site, path)))!;

    private static Dictionary<string, string[]> Shard(string site, string key) => Read<Dictionary<string, string[]>>(site, SitePaths.SearchTerms(key));

    private static List<string> Keys(string site)
    {
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, SitePaths.SearchMeta)));
        return [.. meta.RootElement.GetProperty("shards").EnumerateArray().Select(k => k.GetString()!)];
    }

    private static List<int> Facet(string site, string name) => Decode(Read<string>(site, SitePaths.SearchFacet(name)));

    /// <summary>A term's postings per field, all four fields.</summary>
    private static List<List<int>> Fields(string[] fields) => [.. Enumerable.Range(0, SearchTerms.Fields).Select(f => f < fields.Length ? Decode(fields[f]) : [])];

    /// <summary>What site.js does with a posting string.</summary>
    private static List<int> Decode(string text)
    {
        var ids = new List<int>();
        int last = -1, value = 0, shift = 0;
        foreach (var d in text.Select(c => Postings.Digits.IndexOf(c, StringComparison.Ordinal)))
        {
            value |= (d & 31) << shift;
            if ((d & 32) != 0)
            {
                shift += 5;
                continue;
            }
            last += value + 1;
            ids.Add(last);
            (value, shift) = (0, 0);
        }
        return ids;
    }

    /// <summary>What site.js loads for a word: the longest key that is a prefix of it and every key that extends it.</summary>
    private static List<string> ShardsFor(IReadOnlyList<string> keys, string word)
    {
        var prefix = keys.Where(k => word.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
        var needed = keys.Where(k => !word.StartsWith(k, StringComparison.Ordinal) && k.StartsWith(word, StringComparison.Ordinal)).ToList();
        if (prefix is not null) needed.Add(prefix);
        return needed;
    }

    private static SortedDictionary<string, string> Snapshot(string dir) => new(
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(SiteWriter.ManifestName, StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
