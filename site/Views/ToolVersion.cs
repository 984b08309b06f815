using Catalog.Data.Model;

namespace Catalog.Site.Views;

/// <summary>One stored version of a tool definition (the definition is null when the tool has only this version).</summary>
public sealed record ToolVersion(string Hash, ToolDefinition? Definition, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>Another tool of the same server, as the "other tools" list shows it.</summary>
public sealed record SiblingTool(string Name, string Slug, string? Category);

/// <summary>A tool on another server with the same verb and category.</summary>
public sealed record SimilarTool(string ServerName, string ServerSlug, string Name, string Slug, string? Category);
