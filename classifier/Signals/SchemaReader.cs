using System.Text.Json;

namespace Catalog.Classifier.Signals;

/// <summary>
/// Reads the parameters out of an input schema. The schema is untrusted, so the walk is bounded in depth and count.
/// </summary>
internal static class SchemaReader
{
    private const int MaxDepth = 3;
    private const int MaxProperties = 256;
    private const int MaxEnumValues = 64;

    public static List<SchemaProperty> Read(JsonElement? schema)
    {
        var result = new List<SchemaProperty>();
        if (schema is { ValueKind: JsonValueKind.Object } root) Walk(root, 0, result);
        return result;
    }

    private static void Walk(JsonElement schema, int depth, List<SchemaProperty> result)
    {
        if (depth >= MaxDepth) return;
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) return;
        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array ? r : (JsonElement?)null;

        foreach (var p in properties.EnumerateObject())
        {
            if (result.Count >= MaxProperties) return;
            var value = p.Value;
            // JsonProperty.Name allocates on every read: read it once.
            var name = p.Name;
            if (value.ValueKind != JsonValueKind.Object)
            {
                result.Add(new SchemaProperty(name, NameTokenizer.Split(name), null, [], "", depth, IsRequired(required, name)));
                continue;
            }
            result.Add(new SchemaProperty(name, NameTokenizer.Split(name), TypeOf(value), EnumOf(value),
                DescriptionOf(value), depth, IsRequired(required, name)));
            Walk(value, depth + 1, result);
            if (value.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object) Walk(items, depth + 1, result);
        }
    }

    private static bool IsRequired(JsonElement? required, string name)
    {
        if (required is not { } list) return false;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.ValueEquals(name)) return true;
        }
        return false;
    }

    private static string? TypeOf(JsonElement value)
    {
        if (!value.TryGetProperty("type", out var type)) return null;
        if (type.ValueKind == JsonValueKind.String) return KnownType(type) ?? type.GetString();
        if (type.ValueKind != JsonValueKind.Array) return null;
        // ["string","null"] is a nullable string; the non-null member is the type.
        foreach (var t in type.EnumerateArray())
        {
            if (t.ValueKind == JsonValueKind.String && (KnownType(t) ?? t.GetString()) is { } s && s != "null") return s;
        }
        return null;
    }

    private static readonly string[] Types = ["string", "object", "array", "integer", "number", "boolean", "null"];

    // The JSON Schema type names, without allocating a string for each.
    private static string? KnownType(JsonElement type)
    {
        foreach (var t in Types) if (type.ValueEquals(t)) return t;
        return null;
    }

    private static IReadOnlyList<string> EnumOf(JsonElement value)
    {
        if (!value.TryGetProperty("enum", out _) && !value.TryGetProperty("anyOf", out _) && !value.TryGetProperty("oneOf", out _)) return [];
        var values = new List<string>();
        if (value.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array) Collect(e, values);
        // Zod and pydantic emit literal unions as anyOf/oneOf of const values.
        foreach (var key in (ReadOnlySpan<string>)["anyOf", "oneOf"])
        {
            if (!value.TryGetProperty(key, out var union) || union.ValueKind != JsonValueKind.Array) continue;
            foreach (var member in union.EnumerateArray())
            {
                if (member.ValueKind != JsonValueKind.Object) continue;
                if (member.TryGetProperty("const", out var c) && c.ValueKind == JsonValueKind.String) values.Add(c.GetString()!);
                if (member.TryGetProperty("enum", out var me) && me.ValueKind == JsonValueKind.Array) Collect(me, values);
            }
        }
        return values;
    }

    private static void Collect(JsonElement array, List<string> values)
    {
        foreach (var v in array.EnumerateArray())
        {
            if (values.Count >= MaxEnumValues) return;
            if (v.ValueKind == JsonValueKind.String) values.Add(v.GetString()!);
        }
    }

    private static string DescriptionOf(JsonElement value) =>
        value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
            ? (d.GetString() ?? "").ToLowerInvariant()
            : "";
}
