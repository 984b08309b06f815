namespace Catalog.Data.Model;

/// <summary>What one source said about a server: kept beside the merged server as its provenance.</summary>
/// <param name="Source">The source kind: <c>registry</c>, <c>github</c>, <c>awesome</c>, <c>npm</c>, <c>seed</c>, …</param>
/// <param name="SourceKey">The server's key in that source (registry name, owner/repo, package name, list line).</param>
/// <param name="Status">The source's status for it: <c>active</c>, <c>deprecated</c>, <c>deleted</c>, <c>archived</c>.</param>
/// <param name="Document">What the source said, as JSON text.</param>
public sealed record ServerSource(string ServerId, string Source, string SourceKey, string Status, string Document,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>A cached HTTP response, replayed when the server answers 304 Not Modified.</summary>
public sealed record HttpCacheEntry(string Url, string? ETag, string? LastModified, byte[] Body, DateTimeOffset FetchedAt);

/// <summary>How a statically extracted tool was found: where, and how sure the extractor is.</summary>
public sealed record ToolEvidence(string ServerId, string ToolName, string Hash, Provenance Provenance, double Confidence, string Location);

/// <summary>
/// A definition change that made a tool more dangerous: its category or risk rose, or injected instructions appeared.
/// </summary>
public sealed record RugPull(string ServerId, string ToolName, string OldHash, string NewHash, string Reason, DateTimeOffset ChangedAt);
