using System.Text;
using System.Text.Json;

namespace Catalog.Data.Model;

/// <summary>
/// The field diff of a definition change (title, description, input schema, annotations), as the JSON text stored in
/// a <c>definition-changed</c> event's detail. Schema changes are summarised by parameter: added, removed, changed.
/// </summary>
public static class DefinitionDiff
{
    private const int MaxText = 2000;

    public static string Describe(string oldHash, ToolDefinition? before, string newHash, ToolDefinition after)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("from", oldHash);
            w.WriteString("to", newHash);
            w.WriteStartArray("fields");
            foreach (var f in ChangedFields(before, after)) w.WriteStringValue(f);
            w.WriteEndArray();
            if (before is not null)
            {
                Text(w, "title", before.Title, after.Title);
                Text(w, "description", before.Description, after.Description);
                Schema(w, before.InputSchema, after.InputSchema);
                var (oldA, newA) = (Annotations(before.Annotations), Annotations(after.Annotations));
                if (oldA != newA)
                {
                    w.WriteStartObject("annotations");
                    w.WriteString("old", oldA);
                    w.WriteString("new", newA);
                    w.WriteEndObject();
                }
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Names of the fields that differ, in a fixed order.</summary>
    public static IReadOnlyList<string> ChangedFields(ToolDefinition? before, ToolDefinition after)
    {
        if (before is null) return ["unknown"];
        var fields = new List<string>();
        if (before.Title != after.Title) fields.Add("title");
        if (before.Description != after.Description) fields.Add("description");
        if (Canonical(before.InputSchema) != Canonical(after.InputSchema)) fields.Add("inputSchema");
        if (Annotations(before.Annotations) != Annotations(after.Annotations)) fields.Add("annotations");
        return fields;
    }

    private static void Text(Utf8JsonWriter w, string name, string? before, string? after)
    {
        if (before == after) return;
        w.WriteStartObject(name);
        w.WriteString("old", Cap(before));
        w.WriteString("new", Cap(after));
        w.WriteEndObject();
    }

    private static void Schema(Utf8JsonWriter w, JsonElement? before, JsonElement? after)
    {
        if (Canonical(before) == Canonical(after)) return;
        var oldProps = Properties(before);
        var newProps = Properties(after);
        w.WriteStartObject("inputSchema");
        Names(w, "added", newProps.Keys.Except(oldProps.Keys));
        Names(w, "removed", oldProps.Keys.Except(newProps.Keys));
        Names(w, "changed", newProps.Keys.Intersect(oldProps.Keys).Where(k => newProps[k] != oldProps[k]));
        w.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter w, string name, IEnumerable<string> names)
    {
        w.WriteStartArray(name);
        foreach (var n in names.Order(StringComparer.Ordinal)) w.WriteStringValue(n);
        w.WriteEndArray();
    }

    private static Dictionary<string, string> Properties(JsonElement? schema)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in props.EnumerateObject()) result[p.Name] = CanonicalJson.ToString(p.Value);
        }
        return result;
    }

    private static string Canonical(JsonElement? e) => e is { } v ? CanonicalJson.ToString(v) : "";

    private static string Annotations(ToolAnnotations? a) =>
        a is null || a.IsEmpty ? "{}" : JsonSerializer.Serialize(a, CatalogJson.Default.ToolAnnotations);

    private static string? Cap(string? s) => s is null || s.Length <= MaxText ? s : s[..MaxText] + "…";
}
