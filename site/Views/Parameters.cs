using System.Text.Json;

namespace Catalog.Site.Views;

/// <summary>One row of a tool's parameters table. Nested properties are named with dots (<c>a.b</c>, <c>a[].b</c>).</summary>
public sealed record ParameterRow(
    string Name,
    string Type,
    bool Required,
    string? Description,
    IReadOnlyList<string> Enum,
    int EnumMore,
    string? Default,
    int Depth);

/// <summary>A table read from an input schema, with a note when the schema had to be cut or could not be read.</summary>
public sealed record ParameterTable(IReadOnlyList<ParameterRow> Rows, int TopLevel, int TopLevelRequired, string? Note);

/// <summary>
/// Reads parameters from an input schema that may be huge, deep or malformed: depth, rows, enum values and text
/// lengths are all capped, and anything that is not the expected shape is skipped rather than thrown on.
/// </summary>
public static class Parameters
{
    public const int MaxDepth = 4;
    public const int MaxRows = 200;
    public const int MaxEnum = 25;
    public const int MaxText = 600;

    public static ParameterTable Read(JsonElement? schema)
    {
        if (schema is not { } s) return new([], 0, 0, "The definition has no input schema.");
        if (s.ValueKind != JsonValueKind.Object) return new([], 0, 0, "The input schema is not a JSON object, so no parameters can be read from it.");
        var rows = new List<ParameterRow>();
        var truncated = false;
        Walk(s, "", 0, rows, ref truncated);
        var top = rows.Count(r => r.Depth == 0);
        var required = rows.Count(r => r.Depth == 0 && r.Required);
        var note = truncated ? $"Only the first {MaxRows} parameters, {MaxDepth} levels deep, are shown." : null;
        if (rows.Count == 0) note ??= "The tool declares no parameters.";
        return new(rows, top, required, note);
    }

    private static void Walk(JsonElement schema, string prefix, int depth, List<ParameterRow> rows, ref bool truncated)
    {
        if (!schema.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object) return;
        var required = schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
            ? req.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var prop in props.EnumerateObject())
        {
            if (rows.Count >= MaxRows)
            {
                truncated = true;
                return;
            }
            var p = prop.Value;
            var name = prefix + prop.Name;
            if (p.ValueKind != JsonValueKind.Object)
            {
                rows.Add(new(name, p.ValueKind == JsonValueKind.True ? "any" : "invalid", required.Contains(prop.Name), null, [], 0, null, depth));
                continue;
            }
            var (values, more) = EnumValues(p);
            rows.Add(new(name, TypeOf(p), required.Contains(prop.Name), Text(p, "description"), values, more, DefaultOf(p), depth));
            if (depth + 1 >= MaxDepth)
            {
                truncated |= HasChildren(p);
                continue;
            }
            Walk(p, name + ".", depth + 1, rows, ref truncated);
            if (p.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
                Walk(items, name + "[].", depth + 1, rows, ref truncated);
        }
    }

    private static bool HasChildren(JsonElement p) =>
        p.TryGetProperty("properties", out var x) && x.ValueKind == JsonValueKind.Object
        || p.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Object && i.TryGetProperty("properties", out _);

    private static string TypeOf(JsonElement p)
    {
        var type = SimpleType(p);
        if (type == "array" && p.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
        {
            var inner = SimpleType(items);
            if (inner != "any") type = $"array of {inner}";
        }
        return type;
    }

    private static string SimpleType(JsonElement p)
    {
        if (p.TryGetProperty("type", out var t))
        {
            if (t.ValueKind == JsonValueKind.String) return Cap(t.GetString()!, 40);
            if (t.ValueKind == JsonValueKind.Array)
                return Cap(string.Join(" | ", t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())), 80);
        }
        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (p.TryGetProperty(key, out var alts) && alts.ValueKind == JsonValueKind.Array)
            {
                var types = alts.EnumerateArray().Take(8).Where(a => a.ValueKind == JsonValueKind.Object)
                    .Select(a => a.TryGetProperty("type", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString()! : "object")
                    .Distinct(StringComparer.Ordinal);
                return Cap(string.Join(" | ", types), 80);
            }
        }
        if (p.TryGetProperty("$ref", out var r) && r.ValueKind == JsonValueKind.String) return Cap("ref " + r.GetString(), 80);
        if (p.TryGetProperty("enum", out _)) return "enum";
        return "any";
    }

    private static (IReadOnlyList<string> Values, int More) EnumValues(JsonElement p)
    {
        if (!p.TryGetProperty("enum", out var e) || e.ValueKind != JsonValueKind.Array) return ([], 0);
        var count = e.GetArrayLength();
        var values = e.EnumerateArray().Take(MaxEnum).Select(v => Cap(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(), 120)).ToList();
        return (values, Math.Max(0, count - MaxEnum));
    }

    private static string? DefaultOf(JsonElement p) =>
        p.TryGetProperty("default", out var d) ? Cap(d.ValueKind == JsonValueKind.String ? d.GetString()! : d.GetRawText(), 120) : null;

    private static string? Text(JsonElement p, string name) =>
        p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Cap(v.GetString()!, MaxText) : null;

    private static string Cap(string s, int max) => Rendering.Html.Truncate(s, max);
}
