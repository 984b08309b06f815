using System.Runtime.InteropServices;
using System.Text;
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

    // Names and descriptions up to this many UTF-8 bytes are decoded on the stack.
    private const int MaxStackText = 256;

    public static List<SchemaProperty> Read(JsonElement? schema)
    {
        var result = new List<SchemaProperty>();
        if (schema is { ValueKind: JsonValueKind.Object } root) Walk(root, 0, result);
        return result;
    }

    private static void Walk(JsonElement schema, int depth, List<SchemaProperty> result)
    {
        if (depth >= MaxDepth) return;
        if (!schema.TryGetProperty("properties"u8, out var properties) || properties.ValueKind != JsonValueKind.Object) return;
        var required = schema.TryGetProperty("required"u8, out var r) && r.ValueKind == JsonValueKind.Array ? r : (JsonElement?)null;

        foreach (var p in properties.EnumerateObject())
        {
            if (result.Count >= MaxProperties) return;
            var value = p.Value;
            var name = NameOf(p);
            if (value.ValueKind != JsonValueKind.Object)
            {
                result.Add(new SchemaProperty(name, NameTokenizer.Split(name), null, [], "", depth, IsRequired(required, name)));
                continue;
            }
            result.Add(new SchemaProperty(name, NameTokenizer.Split(name), TypeOf(value), EnumOf(value),
                DescriptionOf(value), depth, IsRequired(required, name)));
            Walk(value, depth + 1, result);
            if (value.TryGetProperty("items"u8, out var items) && items.ValueKind == JsonValueKind.Object) Walk(items, depth + 1, result);
        }
    }

    // JsonProperty.Name makes a new string on every read; a name without escapes is decoded from the document's UTF-8
    // instead, and a common word ("id", "path", "query") is the word table's string.
    private static string NameOf(JsonProperty property)
    {
        var utf8 = JsonMarshal.GetRawUtf8PropertyName(property);
        if (utf8.Length > MaxStackText || utf8.Contains((byte)'\\')) return property.Name;
        Span<char> name = stackalloc char[utf8.Length];
        return WordTable.Get(name[..Encoding.UTF8.GetChars(utf8, name)]);
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
        if (!value.TryGetProperty("type"u8, out var type)) return null;
        if (type.ValueKind == JsonValueKind.String) return KnownType(type) ?? type.GetString();
        if (type.ValueKind != JsonValueKind.Array) return null;
        // ["string","null"] is a nullable string; the non-null member is the type.
        foreach (var t in type.EnumerateArray())
        {
            if (t.ValueKind == JsonValueKind.String && (KnownType(t) ?? t.GetString()) is { } s && s != "null") return s;
        }
        return null;
    }

    private static readonly (byte[] Utf8, string Name)[] Types =
        [Type("string"), Type("object"), Type("array"), Type("integer"), Type("number"), Type("boolean"), Type("null")];

    private static (byte[] Utf8, string Name) Type(string name) => (Encoding.UTF8.GetBytes(name), name);

    // The JSON Schema type names, without allocating a string for each.
    private static string? KnownType(JsonElement type)
    {
        foreach (var (utf8, name) in Types) if (type.ValueEquals(utf8)) return name;
        return null;
    }

    private static IReadOnlyList<string> EnumOf(JsonElement value)
    {
        var hasEnum = value.TryGetProperty("enum"u8, out var e);
        // Zod and pydantic emit literal unions as anyOf/oneOf of const values.
        var hasAnyOf = value.TryGetProperty("anyOf"u8, out var anyOf);
        var hasOneOf = value.TryGetProperty("oneOf"u8, out var oneOf);
        if (!hasEnum && !hasAnyOf && !hasOneOf) return [];
        var values = new List<string>();
        if (hasEnum && e.ValueKind == JsonValueKind.Array) Collect(e, values);
        if (hasAnyOf) CollectUnion(anyOf, values);
        if (hasOneOf) CollectUnion(oneOf, values);
        return values;
    }

    private static void CollectUnion(JsonElement union, List<string> values)
    {
        if (union.ValueKind != JsonValueKind.Array) return;
        foreach (var member in union.EnumerateArray())
        {
            if (member.ValueKind != JsonValueKind.Object) continue;
            if (member.TryGetProperty("const"u8, out var c) && c.ValueKind == JsonValueKind.String) values.Add(c.GetString()!);
            if (member.TryGetProperty("enum"u8, out var me) && me.ValueKind == JsonValueKind.Array) Collect(me, values);
        }
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
        value.TryGetProperty("description"u8, out var d) && d.ValueKind == JsonValueKind.String ? LowerString(d) : "";

    // GetString().ToLowerInvariant() makes two strings; a text without escapes is lowered straight from the document's
    // UTF-8 into the one string kept.
    private static string LowerString(JsonElement text)
    {
        var utf8 = JsonMarshal.GetRawUtf8Value(text)[1..^1];
        return utf8.Contains((byte)'\\') ? text.GetString()!.ToLowerInvariant() : LowerCase.OfUtf8(utf8);
    }
}
