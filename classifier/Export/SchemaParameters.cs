using System.Text.Json;

namespace Catalog.Classifier.Export;

/// <summary>A top-level argument of a tool's input schema, as far as constraints need it.</summary>
internal sealed record SchemaParameter(string Name, string? Type, string? Format);

internal static class SchemaParameters
{
    public static IReadOnlyList<SchemaParameter> Read(JsonElement? schema)
    {
        if (schema is not { ValueKind: JsonValueKind.Object } s
            || !s.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
            return [];
        var list = new List<SchemaParameter>();
        foreach (var p in props.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Object) continue;
            list.Add(new SchemaParameter(p.Name, Str(p.Value, "type"), Str(p.Value, "format")));
        }
        return list.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    private static string? Str(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool IsPath(SchemaParameter p) => p.Type == "string" && Named(p.Name,
        ["path", "file", "filepath", "file_path", "filename", "dir", "directory", "folder", "destination", "source"], ["_path", "_dir", "_file", "path"]);

    public static bool IsUrl(SchemaParameter p) => p.Type == "string" && (p.Format is "uri" or "url"
        || Named(p.Name, ["url", "uri", "endpoint", "webhook", "href", "link"], ["_url", "_uri", "url"]));

    public static bool IsSql(SchemaParameter p) => p.Type == "string" && Named(p.Name, ["sql", "query", "statement"], ["_sql"]);

    public static bool IsAmount(SchemaParameter p) => p.Type is "number" or "integer"
        && Named(p.Name, ["amount", "total", "price", "value", "sum"], ["_amount", "amount"]);

    public static bool IsRecipient(SchemaParameter p) => p.Type == "string"
        && Named(p.Name, ["to", "recipient", "email", "cc", "bcc", "phone", "phone_number", "address"], ["_email", "recipient"]);

    private static bool Named(string name, string[] exact, string[] suffixes)
    {
        var n = name.ToLowerInvariant();
        return exact.Contains(n) || suffixes.Any(s => n.EndsWith(s, StringComparison.Ordinal));
    }
}
