using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Data.Io;

/// <summary>One tool in the line format shared by <c>classify --input</c>, <c>import</c>, <c>train</c> and <c>eval</c>.</summary>
/// <param name="Label">The labelled category when the line carries <c>label.category</c> (training data), else null.</param>
public sealed record ToolLine(string Server, ToolDefinition Tool, Category? Label, IReadOnlyList<string> LabelTags);

/// <summary>
/// Reads <c>{"server","name","title","description","inputSchema","annotations"}</c> lines. The whole file is read
/// before anything is used, so a bad line stops the command before it changes anything.
/// </summary>
public static class ToolLines
{
    public static IReadOnlyList<ToolLine> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: file not found");
        var lines = new List<ToolLine>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            lines.Add(Parse(text, $"{path}:{number}"));
        }
        return lines;
    }

    public static ToolLine Parse(string text, string where)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new InputException($"{where}: malformed JSON ({ex.Message.Split('.')[0]})", ex);
        }
        using (doc)
        {
            var e = doc.RootElement;
            if (e.ValueKind != JsonValueKind.Object) throw new InputException($"{where}: expected a JSON object");
            var server = Str(e, "server");
            var name = Str(e, "name");
            if (string.IsNullOrWhiteSpace(server)) throw new InputException($"{where}: missing 'server'");
            if (string.IsNullOrWhiteSpace(name)) throw new InputException($"{where}: missing 'name'");
            JsonElement? schema = e.TryGetProperty("inputSchema", out var s) && s.ValueKind == JsonValueKind.Object ? s.Clone() : null;
            var annotations = e.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object
                ? new ToolAnnotations(Str(a, "title"), Bool(a, "readOnlyHint"), Bool(a, "destructiveHint"), Bool(a, "idempotentHint"), Bool(a, "openWorldHint"))
                : null;
            Category? label = null;
            var tags = new List<string>();
            if (e.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                if (Str(l, "category") is { } c)
                {
                    label = Enum.TryParse<Category>(c, ignoreCase: true, out var parsed) ? parsed
                        : throw new InputException($"{where}: unknown label category '{c}'");
                }
                if (l.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array)
                    tags.AddRange(t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
            }
            var tool = new ToolDefinition(name, Str(e, "title"), Str(e, "description"), schema, annotations is { IsEmpty: false } ? annotations : null);
            return new ToolLine(server, tool, label, tags);
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;
}
