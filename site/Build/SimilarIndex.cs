using System.Text;
using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Views;

namespace Catalog.Site.Build;

/// <summary>
/// "Similar tools elsewhere": tools on other servers that share a tool's verb (the first word of its name) and its
/// category. Built in one streaming pass over (server, name, category) rows; it keeps at most
/// <see cref="PerKey"/> tools per (verb, category), the first ones in (server, name) order, one per server, so memory is
/// bounded by the number of distinct verbs, not tools, and the choice is deterministic.
/// </summary>
public sealed class SimilarIndex
{
    public const int Shown = 5;
    private const int PerKey = Shown + 1;

    private readonly Dictionary<string, List<Entry>> _byKey = new(StringComparer.Ordinal);

    /// <summary>The lists each server's tools look up, for <see cref="DigestOf"/>.</summary>
    private readonly Dictionary<string, List<List<Entry>>> _usedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<List<Entry>, string> _listDigests = new(ReferenceEqualityComparer.Instance);

    private sealed class Entry(string serverId, string name, string? category)
    {
        public string ServerId { get; } = serverId;
        public string Name { get; } = name;
        public string? Category { get; } = category;
        public string Slug { get; set; } = "";
    }

    public static SimilarIndex Build(IEnumerable<SiteToolKey> keys, IReadOnlyDictionary<string, (string Name, string Slug)> servers)
    {
        var index = new SimilarIndex { _servers = servers };
        string? current = null;
        var names = new List<string>();
        var added = new List<Entry>();
        void Close()
        {
            if (added.Count == 0) return;
            var slugs = new SlugMap(names);
            foreach (var e in added) e.Slug = slugs[e.Name];
            added.Clear();
        }
        foreach (var k in keys)
        {
            if (k.ServerId != current)
            {
                Close();
                names.Clear();
                current = k.ServerId;
            }
            names.Add(k.Name);
            if (k.Category is null || !servers.ContainsKey(k.ServerId)) continue;
            var key = Key(k.Name, k.Category);
            if (!index._byKey.TryGetValue(key, out var list)) index._byKey[key] = list = [];
            if (!index._usedBy.TryGetValue(k.ServerId, out var used)) index._usedBy[k.ServerId] = used = [];
            if (!used.Contains(list)) used.Add(list);
            if (list.Count >= PerKey || list.Any(e => e.ServerId == k.ServerId)) continue;
            var entry = new Entry(k.ServerId, k.Name, k.Category);
            list.Add(entry);
            added.Add(entry);
        }
        Close();
        return index;
    }

    private IReadOnlyDictionary<string, (string Name, string Slug)> _servers = new Dictionary<string, (string, string)>();

    public IReadOnlyList<SimilarTool> For(string serverId, string name, string? category)
    {
        if (category is null || !_byKey.TryGetValue(Key(name, category), out var list)) return [];
        return list.Where(e => e.ServerId != serverId).Take(Shown)
            .Select(e => new SimilarTool(_servers[e.ServerId].Name, _servers[e.ServerId].Slug, e.Name, e.Slug, e.Category)).ToList();
    }

    /// <summary>
    /// A fingerprint of everything <see cref="For"/> can answer for the tools of one server: the lists their names and
    /// categories look up, whole. When it and the server's own rows are unchanged, so are its "similar tools".
    /// </summary>
    public string DigestOf(string serverId)
    {
        using var h = new InputHash();
        foreach (var list in _usedBy.GetValueOrDefault(serverId) ?? [])
        {
            if (!_listDigests.TryGetValue(list, out var digest))
            {
                using var l = new InputHash();
                foreach (var e in list) l.Add(e.ServerId).Add(_servers[e.ServerId].Name).Add(_servers[e.ServerId].Slug).Add(e.Name).Add(e.Slug).Add(e.Category);
                _listDigests[list] = digest = l.Finish();
            }
            h.Add(digest);
        }
        return h.Finish();
    }

    /// <summary>The verb: the first word of the name, split at _, -, ., space or a lower-to-upper case change; lower case.</summary>
    public static string Verb(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length && sb.Length < 40; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or '.' or ' ' or '/' or ':')
            {
                if (sb.Length > 0) break;
                continue;
            }
            if (sb.Length > 0 && char.IsUpper(c) && char.IsLower(name[i - 1])) break;
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string Key(string name, string category) => Verb(name) + "\u0001" + category;
}
