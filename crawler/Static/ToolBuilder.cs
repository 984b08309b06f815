using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>One parameter of a statically read tool.</summary>
public sealed record ParamSpec(string Name, string Type, string? Description, bool Required, IReadOnlyList<string>? Enum = null);

/// <summary>Builds tool definitions from what an extractor read: a JSON Schema from parameters, annotations from hints.</summary>
internal static class ToolBuilder
{
    public const int MaxText = 8000;

    public static ToolDefinition Tool(string name, string? title, string? description, IReadOnlyList<ParamSpec>? parameters, ToolAnnotations? annotations) =>
        new(name, Cap(title), Cap(description), parameters is null ? null : Schema(parameters), annotations is { IsEmpty: false } ? annotations : null);

    public static JsonElement Schema(IReadOnlyList<ParamSpec> parameters)
    {
        var props = new JsonObject();
        var required = new JsonArray();
        foreach (var p in parameters)
        {
            if (props.ContainsKey(p.Name)) continue;
            var prop = new JsonObject { ["type"] = p.Type };
            if (p.Description is not null) prop["description"] = Cap(p.Description);
            if (p.Enum is { Count: > 0 } e) prop["enum"] = new JsonArray(e.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
            props[p.Name] = prop;
            if (p.Required) required.Add(p.Name);
        }
        var schema = new JsonObject { ["type"] = "object", ["properties"] = props };
        if (required.Count > 0) schema["required"] = required;
        using var doc = JsonDocument.Parse(schema.ToJsonString());
        return doc.RootElement.Clone();
    }

    /// <summary>Reads hint flags from <c>key → value text</c> pairs whatever the language spells them.</summary>
    public static ToolAnnotations? Annotations(IReadOnlyDictionary<string, string> fields, Func<string, string?> text)
    {
        bool? Flag(params string[] keys)
        {
            foreach (var k in keys)
            {
                var hit = fields.FirstOrDefault(f => string.Equals(f.Key, k, StringComparison.OrdinalIgnoreCase));
                if (hit.Key is null) continue;
                var v = hit.Value.Trim();
                if (v.Contains("true", StringComparison.OrdinalIgnoreCase)) return true;
                if (v.Contains("false", StringComparison.OrdinalIgnoreCase)) return false;
            }
            return null;
        }
        var titleKey = fields.Keys.FirstOrDefault(k => string.Equals(k, "title", StringComparison.OrdinalIgnoreCase));
        var a = new ToolAnnotations(
            titleKey is null ? null : text(fields[titleKey]),
            Flag("readOnlyHint", "read_only_hint", "ReadOnly"),
            Flag("destructiveHint", "destructive_hint", "Destructive"),
            Flag("idempotentHint", "idempotent_hint", "Idempotent"),
            Flag("openWorldHint", "open_world_hint", "OpenWorld"));
        return a.IsEmpty ? null : a;
    }

    public static string JsonType(string? hint)
    {
        var h = (hint ?? "").Trim().ToLowerInvariant();
        if (h.StartsWith("optional[", StringComparison.Ordinal)) h = h[9..];
        if (h.StartsWith("annotated[", StringComparison.Ordinal)) h = h[10..];
        return h switch
        {
            _ when h.StartsWith("str", StringComparison.Ordinal) || h.StartsWith("string", StringComparison.Ordinal) => "string",
            _ when h.StartsWith("int", StringComparison.Ordinal) || h is "long" or "short" or "i32" or "i64" or "u32" or "u64" or "usize" => "integer",
            _ when h.StartsWith("float", StringComparison.Ordinal) || h is "double" or "decimal" or "number" or "f32" or "f64" => "number",
            _ when h.StartsWith("bool", StringComparison.Ordinal) => "boolean",
            _ when h.StartsWith("list", StringComparison.Ordinal) || h.EndsWith("[]", StringComparison.Ordinal) || h.StartsWith("array", StringComparison.Ordinal) || h.StartsWith("vec", StringComparison.Ordinal) => "array",
            _ when h.StartsWith("dict", StringComparison.Ordinal) || h.StartsWith("object", StringComparison.Ordinal) || h.StartsWith("record", StringComparison.Ordinal) => "object",
            _ => "string",
        };
    }

    public static string? Cap(string? s) => s is null ? null : s.Length <= MaxText ? s : s[..MaxText];

    /// <summary>The C# SDK's default tool name: drop an Async suffix, then snake_case (GetAlerts → get_alerts).</summary>
    public static string SnakeCase(string method)
    {
        var m = method.EndsWith("Async", StringComparison.Ordinal) && method.Length > 5 ? method[..^5] : method;
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < m.Length; i++)
        {
            var c = m[i];
            if (!char.IsLetterOrDigit(c)) { sb.Append('_'); continue; }
            if (char.IsUpper(c) && i > 0 && (char.IsLower(m[i - 1]) || char.IsDigit(m[i - 1]) || (i + 1 < m.Length && char.IsLower(m[i + 1]) && char.IsUpper(m[i - 1])))) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
