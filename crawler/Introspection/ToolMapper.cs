using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Crawler.Introspection;

/// <summary>Copies an SDK tool into the catalog's model, cutting what is over the limits.</summary>
internal static class ToolMapper
{
    public static ToolDefinition? Map(ModelContextProtocol.Protocol.Tool tool, IntrospectionLimits limits)
    {
        if (string.IsNullOrWhiteSpace(tool.Name) || tool.Name.Length > 256) return null;
        JsonElement? schema = tool.InputSchema.ValueKind == JsonValueKind.Undefined ? null : tool.InputSchema.Clone();
        if (schema is { } s && s.GetRawText().Length > limits.MaxSchemaBytes)
        {
            schema = JsonDocument.Parse("""{"type":"object","x-catalog-truncated":"schema over the size limit"}""").RootElement.Clone();
        }
        var a = tool.Annotations;
        var annotations = a is null ? null : new ToolAnnotations(Cut(a.Title, 256), a.ReadOnlyHint, a.DestructiveHint, a.IdempotentHint, a.OpenWorldHint);
        return new ToolDefinition(tool.Name, Cut(tool.Title, 256), Cut(tool.Description, limits.MaxDescriptionChars), schema,
            annotations is { IsEmpty: false } ? annotations : null);
    }

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
