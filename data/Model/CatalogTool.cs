namespace Catalog.Data.Model;

/// <summary>A tool's current version as stored, with its classification when it has one.</summary>
public sealed record CatalogTool(
    string ServerId,
    ToolDefinition Definition,
    string Hash,
    Provenance Provenance,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    Classification? Classification);

/// <summary>A change between two crawls of a server.</summary>
public sealed record ChangeEvent(long Id, long RunId, string ServerId, string? ToolName, string Kind, string? Detail, DateTimeOffset At);
