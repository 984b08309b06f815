using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Tests.Dataset;

/// <summary>One line of the labelled dev set: the tool as its server returned it, and the label.</summary>
internal sealed record LabeledTool(string Server, ToolDefinition Tool, Category Category, IReadOnlyList<string> Tags, bool Sure)
{
    public static LabeledTool Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var e = doc.RootElement;
        var label = e.GetProperty("label");
        var tool = new ToolDefinition(
            e.GetProperty("name").GetString()!,
            Str(e, "title"),
            Str(e, "description"),
            e.TryGetProperty("inputSchema", out var s) && s.ValueKind == JsonValueKind.Object ? s.Clone() : null,
            Annotations(e));
        return new LabeledTool(
            e.GetProperty("server").GetString()!,
            tool,
            Enum.Parse<Category>(label.GetProperty("category").GetString()!),
            label.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList(),
            !label.TryGetProperty("sure", out var sure) || sure.ValueKind != JsonValueKind.False);
    }

    private static ToolAnnotations? Annotations(JsonElement e)
    {
        if (!e.TryGetProperty("annotations", out var a) || a.ValueKind != JsonValueKind.Object) return null;
        return new ToolAnnotations(Str(a, "title"), Bool(a, "readOnlyHint"), Bool(a, "destructiveHint"), Bool(a, "idempotentHint"), Bool(a, "openWorldHint"));
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
}
