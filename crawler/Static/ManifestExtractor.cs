using System.Text.Json;
using Catalog.Data.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Catalog.Crawler.Static;

/// <summary>
/// The cheap exact sources, read first: <c>__toolsnaps__/*.snap</c> (one tools/list entry each), MCPB
/// <c>manifest.json</c> (<c>tools: [{name, description}]</c>), a server card; and, as the last resort, README lists
/// of tools (<c>- **name** - description</c>, <c>- `name`: description</c>) parsed with Markdig.
/// </summary>
internal static class ManifestExtractor
{
    public static IEnumerable<ExtractedTool> Snapshot(string file, string text)
    {
        if (Parse(text) is not { } doc) yield break;
        using (doc)
        {
            var e = doc.RootElement;
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && Tool(e) is { } tool)
                yield return new ExtractedTool(tool, Provenance.Manifest, 0.98, file);
        }
    }

    public static IEnumerable<ExtractedTool> Manifest(string file, string text)
    {
        if (Parse(text) is not { } doc) yield break;
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("manifest_version", out _) || root.TryGetProperty("serverInfo", out _))) yield break;
            if (!root.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array) yield break;
            foreach (var t in tools.EnumerateArray())
            {
                if (Tool(t) is { } tool) yield return new ExtractedTool(tool, Provenance.Manifest, 0.9, file);
            }
        }
    }

    /// <summary>
    /// Tool lists in a README: list items (<c>**name** - what it does</c>, <c>`name`: …</c>) under a heading that names
    /// tools ("Tools", "Available tools"). A list elsewhere (configuration keys, options) is not a tool list.
    /// </summary>
    public static IEnumerable<ExtractedTool> Readme(string file, string text)
    {
        var doc = Markdown.Parse(text);
        var headings = new List<(int Level, bool Tools)>();
        foreach (var block in doc.Descendants())
        {
            if (block is HeadingBlock heading)
            {
                headings.RemoveAll(h => h.Level >= heading.Level);
                var title = heading.Inline is null ? "" : string.Concat(heading.Inline.Select(Text));
                headings.Add((heading.Level, title.Contains("tool", StringComparison.OrdinalIgnoreCase)));
                continue;
            }
            if (block is not ListItemBlock item || !headings.Any(h => h.Tools)) continue;
            if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inline }) continue;
            var first = inline.FirstChild;
            string? name = first switch
            {
                EmphasisInline { DelimiterCount: 2 } em => string.Concat(em.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim(),
                CodeInline code => code.Content.Trim(),
                _ => null,
            };
            if (name is null || !IsToolName(name)) continue;
            var rest = string.Concat(inline.Skip(1).Select(Text)).Trim();
            if (!(rest.StartsWith('-') || rest.StartsWith(':') || rest.StartsWith('–'))) continue;
            var description = rest.TrimStart('-', ':', '–', ' ').Trim();
            yield return new ExtractedTool(ToolBuilder.Tool(name, null, description.Length == 0 ? null : description, null, null),
                Provenance.Readme, 0.4, $"{file}:{item.Line + 1}");
        }
    }

    private static bool IsToolName(string s) =>
        s.Length is > 1 and <= 64 && char.IsLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') && s.Any(c => c is '_' or '-' || char.IsLower(c));

    private static string Text(Inline inline) => inline switch
    {
        LiteralInline l => l.Content.ToString(),
        CodeInline c => c.Content,
        LineBreakInline => " ",
        ContainerInline c => string.Concat(c.Select(Text)),
        _ => "",
    };

    private static ToolDefinition? Tool(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String) return null;
        string? Str(JsonElement o, string k) => o.ValueKind == JsonValueKind.Object && o.TryGetProperty(k, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool? Bool(JsonElement o, string k) => o.ValueKind == JsonValueKind.Object && o.TryGetProperty(k, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
        var schema = e.TryGetProperty("inputSchema", out var s) && s.ValueKind == JsonValueKind.Object ? s.Clone() : (JsonElement?)null;
        var a = e.TryGetProperty("annotations", out var av) ? av : default;
        var annotations = new ToolAnnotations(Str(a, "title"), Bool(a, "readOnlyHint"), Bool(a, "destructiveHint"), Bool(a, "idempotentHint"), Bool(a, "openWorldHint"));
        return new ToolDefinition(n.GetString()!, Str(e, "title"), ToolBuilder.Cap(Str(e, "description")), schema, annotations.IsEmpty ? null : annotations);
    }

    private static JsonDocument? Parse(string text)
    {
        try { return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException) { return null; }
    }
}
