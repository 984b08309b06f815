using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Crawler.Introspection;

/// <summary>
/// Reads tools from a raw <c>tools/list</c> result. Lenient on purpose: a schema the SDK would reject is still the
/// server's declared definition and belongs in the catalog; wrong types read as absent; over-limit text is cut.
/// </summary>
internal static class ToolMapper
{
    public static (IReadOnlyList<JsonElement> Tools, string? NextCursor) Page(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object) throw new InvalidDataException("tools/list result is not an object");
        var tools = result.TryGetProperty("tools", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().ToList()
            : throw new InvalidDataException("tools/list result has no 'tools' array");
        var cursor = result.TryGetProperty("nextCursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return (tools, cursor);
    }

    public static ToolDefinition? Map(JsonElement tool, IntrospectionLimits limits)
    {
        if (tool.ValueKind != JsonValueKind.Object) return null;
        var name = Str(tool, "name");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 256) return null;
        JsonElement? schema = tool.TryGetProperty("inputSchema", out var s) && s.ValueKind == JsonValueKind.Object ? s.Clone() : null;
        if (schema is { } big && (big.GetRawText().Length > limits.MaxSchemaBytes || Depth(big) > limits.MaxSchemaDepth))
        {
            using var stub = JsonDocument.Parse("""{"type":"object","x-catalog-truncated":"schema over the size or depth limit"}""");
            schema = stub.RootElement.Clone();
        }
        ToolAnnotations? annotations = null;
        if (tool.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            annotations = new ToolAnnotations(Cut(Str(a, "title"), 256), Bool(a, "readOnlyHint"), Bool(a, "destructiveHint"),
                Bool(a, "idempotentHint"), Bool(a, "openWorldHint"));
        }
        return new ToolDefinition(name, Cut(Str(tool, "title"), 256), Cut(Str(tool, "description"), limits.MaxDescriptionChars), schema,
            annotations is { IsEmpty: false } ? annotations : null);
    }

    private static int Depth(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => 1 + e.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + e.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;

    private static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
