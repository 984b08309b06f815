using System.Globalization;
using System.Text;
using System.Text.Json;
using Catalog.Site.Output;

namespace Catalog.Site.Search;

/// <summary>
/// The term shards, <c>api/search/terms/KEY.json</c>: <c>{"term":["ids","ids","ids","ids"],…}</c>, one string of
/// <see cref="Postings"/> per <see cref="SearchTerms"/> field (trailing empty ones left out), terms in ordinal order.
/// While the tools stream past, every (term, field, id) goes to a scratch file per two-character key; afterwards one
/// key at a time is read back, grouped and written, so memory holds one key's postings, never the whole index.
/// A key whose shard would pass <see cref="ShardBytes"/> is split by one more character (KEY + c), recursively; the
/// term equal to the key itself stays in shard KEY. A shard passes the limit only when it holds a single term.
/// The client needs, for a word, the longest key that is a prefix of it and every key that starts with it.
/// </summary>
public sealed class TermShards(SiteWriter writer) : IDisposable
{
    public const int ShardBytes = 32 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, StreamWriter> _buckets = new(StringComparer.Ordinal);

    /// <summary>Adds the terms of tool <paramref name="id"/>; ids must come in ascending order.</summary>
    public void Add(int id, IReadOnlyList<(string Term, int Field)> terms)
    {
        foreach (var (term, field) in terms)
        {
            var key = SearchTerms.Key(term);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                // Small buffers: there can be one open file per key (36² of them).
                bucket = new StreamWriter(writer.ScratchFile("terms-" + key), Utf8, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, BufferSize = 1024 }) { NewLine = "\n" };
                _buckets[key] = bucket;
            }
            bucket.Write(term);
            bucket.Write('\t');
            bucket.Write((char)('0' + field));
            bucket.WriteLine(id.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes every shard and returns their keys in ordinal order.</summary>
    public IReadOnlyList<string> Finish(SearchFiles files)
    {
        foreach (var bucket in _buckets.Values) bucket.Dispose();
        var keys = new List<string>();
        foreach (var key in _buckets.Keys)
        {
            var scratch = writer.ScratchFile("terms-" + key);
            Emit(files, key, Read(scratch), keys);
            File.Delete(scratch);
        }
        _buckets.Clear();
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values) bucket.Dispose();
    }

    /// <summary>One key's terms, in ordinal order, each with its encoded postings per field.</summary>
    private static List<(string Term, string[] Fields)> Read(string scratch)
    {
        var terms = new SortedDictionary<string, List<int>[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(scratch))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var term = line[..tab];
            if (!terms.TryGetValue(term, out var fields))
            {
                fields = [.. Enumerable.Range(0, SearchTerms.Fields).Select(_ => new List<int>())];
                terms[term] = fields;
            }
            fields[line[tab + 1] - '0'].Add(int.Parse(line.AsSpan(tab + 2), CultureInfo.InvariantCulture));
        }
        return terms.Select(t =>
        {
            var used = Array.FindLastIndex(t.Value, ids => ids.Count > 0) + 1;
            return (t.Key, t.Value.Take(used).Select(ids => Postings.Of(ids)).ToArray());
        }).ToList();
    }

    private static void Emit(SearchFiles files, string key, List<(string Term, string[] Fields)> terms, List<string> keys)
    {
        if (terms.Count > 1 && terms.Sum(Size) > ShardBytes)
        {
            // Terms are sorted, so each longer key's terms are one run; the term equal to the key sorts first.
            foreach (var group in terms.GroupBy(t => t.Term[..Math.Min(t.Term.Length, key.Length + 1)], StringComparer.Ordinal))
                Emit(files, group.Key, group.ToList(), keys);
            return;
        }
        files.Write(SitePaths.SearchTerms(key), SearchIndex.Json(json =>
        {
            json.WriteStartObject();
            foreach (var (term, fields) in terms)
            {
                json.WriteStartArray(term);
                foreach (var ids in fields) json.WriteStringValue(ids);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }));
        keys.Add(key);
    }

    /// <summary>A term's bytes in the shard: <c>"term":["…","…"],</c>.</summary>
    private static int Size((string Term, string[] Fields) t) => t.Term.Length + 6 + t.Fields.Sum(f => f.Length + 3);
}
