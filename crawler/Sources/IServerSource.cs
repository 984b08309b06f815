namespace Catalog.Crawler.Sources;

/// <summary>A place that names MCP servers: the registry, GitHub, an awesome list, npm, a seed file.</summary>
public interface IServerSource
{
    /// <summary>Short kind name stored as provenance: <c>registry</c>, <c>github</c>, <c>awesome</c>, <c>html</c>, <c>npm</c>, <c>seed</c>.</summary>
    string Name { get; }

    /// <summary>Reads the source into server.json-shaped records; problems are values beside them, never exceptions.</summary>
    Task<SourceRead> ReadAsync(CancellationToken ct);
}

/// <summary>One record and what the source calls it (its key there) and its status there.</summary>
/// <param name="Status"><c>active</c>, <c>deprecated</c>, <c>deleted</c> (not crawled), <c>archived</c>.</param>
public sealed record SourcedRecord(string Source, string SourceKey, string Status, SourceRecord Record);

/// <summary>
/// What one read of a source produced. <paramref name="State"/> is what the source wants remembered for its next
/// (incremental) read; it is saved only after the crawl that used this read finished.
/// </summary>
public sealed record SourceRead(
    string Source,
    IReadOnlyList<SourcedRecord> Records,
    IReadOnlyList<SourceError> Errors,
    IReadOnlyDictionary<string, string> State)
{
    public static SourceRead From(string source, SourceResult result) =>
        new(source, result.Records.Select(r => new SourcedRecord(source, r.Server.Id, "active", r)).ToList(), result.Errors,
            new Dictionary<string, string>());
}
