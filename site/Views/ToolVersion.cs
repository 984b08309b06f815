using Catalog.Data.Model;

namespace Catalog.Site.Views;

/// <summary>One stored version of a tool definition.</summary>
public sealed record ToolVersion(string Hash, ToolDefinition Definition, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
