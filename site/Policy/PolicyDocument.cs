using System.Text;
using System.Text.Json;

namespace Catalog.Site.Policy;

/// <summary>
/// A stored PolicyLayer policy (policy-formats.md §1a) read back so that page text is generated from the very
/// document the page shows: every sentence about limits, hiding or denying quotes a field of this JSON.
/// </summary>
public sealed class PolicyDocument
{
    private readonly JsonElement _root;
    private string? _pretty;

    private PolicyDocument(JsonElement root) => _root = root;

    /// <summary>The document, indented, as shown on pages and offered for download (made when first asked for).</summary>
    public string Pretty => _pretty ??= Indent(_root);

    public JsonElement Root => _root;

    /// <summary><c>default</c>: "allow" or "deny" for tools not listed under <c>tools</c>.</summary>
    public string Default => _root.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "deny";

    public IReadOnlyList<string> Hidden => Strings(_root, "hide");

    /// <summary>Parses stored text; null when there is none or it is not a JSON object (shown as "no policy").</summary>
    public static PolicyDocument? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            var root = doc.RootElement.Clone();
            return new PolicyDocument(root);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What this document does to one tool.</summary>
    public ToolRule RuleFor(string toolName)
    {
        var hidden = Hidden.Any(h => h == "*" || h == toolName);
        JsonElement entry = default;
        var listed = _root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Object
            && tools.TryGetProperty(toolName, out entry) && entry.ValueKind == JsonValueKind.Object;
        if (!listed) return new ToolRule(toolName, hidden, false, [], [], 0, Default, AllToolsLimits());
        var limits = Limits(entry);
        var denyIf = new List<PolicyDenyIf>();
        if (entry.TryGetProperty("deny_if", out var d) && d.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in d.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var conditions = item.TryGetProperty("conditions", out var c) && c.ValueKind == JsonValueKind.Array ? c.GetArrayLength() : 0;
                var message = item.TryGetProperty("on_deny", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                denyIf.Add(new PolicyDenyIf(conditions, message));
            }
        }
        var require = entry.TryGetProperty("require", out var r) && r.ValueKind == JsonValueKind.Array ? r.GetArrayLength() : 0;
        return new ToolRule(toolName, hidden, true, limits, denyIf, require, Default, AllToolsLimits());
    }

    private IReadOnlyList<PolicyLimit> AllToolsLimits() =>
        _root.TryGetProperty("all_tools", out var all) && all.ValueKind == JsonValueKind.Object ? Limits(all) : [];

    private static List<PolicyLimit> Limits(JsonElement owner)
    {
        var result = new List<PolicyLimit>();
        if (!owner.TryGetProperty("limits", out var limits) || limits.ValueKind != JsonValueKind.Array) return result;
        foreach (var l in limits.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
        {
            result.Add(new PolicyLimit(
                String(l, "counter") ?? "",
                String(l, "window") ?? "",
                l.TryGetProperty("max", out var max) && max.TryGetInt64(out var n) ? n : null,
                String(l, "scope") ?? ""));
        }
        return result;
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
            : [];

    private static string Indent(JsonElement root)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            root.WriteTo(w);
        }
        return ReadableJson.Unescape(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
