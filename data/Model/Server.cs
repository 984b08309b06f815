namespace Catalog.Data.Model;

/// <summary>How to get a server's code and start it (one entry of server.json's <c>packages[]</c>).</summary>
public sealed record PackageRef(string RegistryType, string Identifier, string? Version, string Transport);

/// <summary>An MCP server as the catalog knows it.</summary>
/// <param name="Id">Stable id: registry name, else github.com/owner/repo, else npm:package.</param>
/// <param name="Document">The server.json document (or the equivalent for other sources), as JSON text.</param>
/// <param name="Source">Which source produced it: <c>seed</c>, <c>mcp-config</c>, <c>import</c>, <c>registry</c>, …</param>
public sealed record Server(
    string Id,
    string Name,
    string? Title,
    string? Description,
    string? Version,
    string? RepositoryUrl,
    string? WebsiteUrl,
    IReadOnlyList<PackageRef> Packages,
    string Source,
    string Document);
