using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Data.Model;

/// <summary>The MCP annotations a server declares for a tool: the author's claim, never the truth.</summary>
public sealed record ToolAnnotations(
    string? Title = null,
    bool? ReadOnlyHint = null,
    bool? DestructiveHint = null,
    bool? IdempotentHint = null,
    bool? OpenWorldHint = null)
{
    /// <summary>Computed, so never stored or sent: a definition is what the server said and nothing more.</summary>
    [JsonIgnore]
    public bool IsEmpty => Title is null && ReadOnlyHint is null && DestructiveHint is null
        && IdempotentHint is null && OpenWorldHint is null;
}

/// <summary>One tool as a server declares it in <c>tools/list</c>.</summary>
/// <param name="InputSchema">The JSON Schema of the arguments, as received (may be absent).</param>
public sealed record ToolDefinition(
    string Name,
    string? Title,
    string? Description,
    JsonElement? InputSchema,
    ToolAnnotations? Annotations)
{
    /// <summary>Canonical hash of the definition; a new hash is a new ToolVersion. Computed, so not serialized.</summary>
    [JsonIgnore]
    public string Hash => DefinitionHash.Compute(this);
}
