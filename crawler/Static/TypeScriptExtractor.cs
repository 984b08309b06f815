using System.Text.RegularExpressions;
using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>
/// TypeScript/JavaScript SDK tools: <c>registerTool(name, config, cb)</c>, legacy <c>server.tool(…)</c> overloads,
/// and <c>Tool</c> objects listed by a <c>ListToolsRequestSchema</c> handler (inline or through <c>const X: Tool</c>).
/// Zod shapes become a JSON Schema (type, optional, <c>.describe</c>).
/// </summary>
internal static partial class TypeScriptExtractor
{
    [GeneratedRegex(@"\.registerTool\s*\(")]
    private static partial Regex RegisterTool();

    [GeneratedRegex(@"\b(?:server|mcpServer|mcp|this\.server)\.tool\s*\(")]
    private static partial Regex LegacyTool();

    [GeneratedRegex(@"setRequestHandler\s*\(\s*ListToolsRequestSchema")]
    private static partial Regex ListHandler();

    [GeneratedRegex(@"(?:const|let|var)\s+(?<name>[A-Za-z_$][\w$]*)\s*(?::\s*[\w.<>\[\]]+\s*)?=\s*")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^z\.(?<type>\w+)")]
    private static partial Regex ZodType();

    public static IEnumerable<ExtractedTool> Extract(string file, string text, SymbolTable symbols)
    {
        var results = new List<ExtractedTool>();
        string? Str(string e) => CodeText.StringValue(e, Syntax.Js, symbols.String);
        foreach (Match m in RegisterTool().Matches(text))
        {
            var args = Args(text, m.Index + m.Length - 1);
            if (args.Count < 2 || Str(args[0]) is not { } name) continue;
            var config = ObjectBody(args[1], symbols);
            if (config is null) { results.Add(Found(ToolBuilder.Tool(name, null, null, null, null), 0.6, file, text, m.Index)); continue; }
            var f = CodeText.Fields(config, Syntax.Js);
            var schema = f.TryGetValue("inputSchema", out var s) ? Zod(s, symbols) : null;
            var annotations = f.TryGetValue("annotations", out var a) && ObjectBody(a, symbols) is { } ab ? ToolBuilder.Annotations(CodeText.Fields(ab, Syntax.Js), Str) : null;
            results.Add(Found(ToolBuilder.Tool(name, f.TryGetValue("title", out var t) ? Str(t) : null,
                f.TryGetValue("description", out var d) ? Str(d) : null, schema, annotations), 0.9, file, text, m.Index));
        }
        foreach (Match m in LegacyTool().Matches(text))
        {
            var args = Args(text, m.Index + m.Length - 1);
            if (args.Count < 2 || Str(args[0]) is not { } name) continue;
            string? description = null;
            IReadOnlyList<ParamSpec>? schema = null;
            ToolAnnotations? annotations = null;
            foreach (var arg in args.Skip(1).Take(args.Count - 2))
            {
                if (Str(arg) is { } d) { description = d; continue; }
                var body = ObjectBody(arg, symbols);
                if (body is null) continue;
                var fields = CodeText.Fields(body, Syntax.Js);
                if (fields.Keys.Any(k => k.EndsWith("Hint", StringComparison.Ordinal))) annotations = ToolBuilder.Annotations(fields, Str);
                else schema = Zod(arg, symbols);
            }
            results.Add(Found(ToolBuilder.Tool(name, null, description, schema, annotations), 0.85, file, text, m.Index));
        }
        foreach (Match m in ListHandler().Matches(text))
        {
            var call = CodeText.Inside(text, text.LastIndexOf('(', m.Index + m.Length - 1), Syntax.Js);
            var tools = call is null ? -1 : call.IndexOf("tools", StringComparison.Ordinal);
            if (call is null || tools < 0) continue;
            var open = call.IndexOf('[', tools);
            if (open < 0 || CodeText.Inside(call, open, Syntax.Js) is not { } list) continue;
            foreach (var item in CodeText.SplitTop(list, Syntax.Js))
            {
                var body = ObjectBody(item, symbols);
                if (body is null) continue;
                if (LowLevel(body, symbols, Str) is { } tool) results.Add(Found(tool, 0.85, file, text, m.Index));
            }
        }
        return results;
    }

    /// <summary>Object-literal constants and string constants of a file, for <see cref="SymbolTable"/>.</summary>
    public static void CollectSymbols(string text, SymbolTable symbols)
    {
        foreach (Match m in Declaration().Matches(text))
        {
            var at = m.Index + m.Length;
            if (at >= text.Length) continue;
            if (text[at] == '{')
            {
                if (CodeText.Inside(text, at, Syntax.Js) is { } body) symbols.Objects.TryAdd(m.Groups["name"].Value, body);
                continue;
            }
            if (text.AsSpan(at).StartsWith("z.object(") && CodeText.Inside(text, at + 8, Syntax.Js) is { } zod)
            {
                symbols.Objects.TryAdd(m.Groups["name"].Value, zod.Trim().TrimStart('{').TrimEnd('}'));
                continue;
            }
            var end = text.IndexOfAny([';', '\n'], at);
            var expr = end < 0 ? text[at..] : text[at..end];
            if (CodeText.StringValue(expr, Syntax.Js) is { } value) symbols.Strings.TryAdd(m.Groups["name"].Value, value);
        }
    }

    private static ToolDefinition? LowLevel(string body, SymbolTable symbols, Func<string, string?> str)
    {
        var f = CodeText.Fields(body, Syntax.Js);
        if (!f.TryGetValue("name", out var n) || str(n) is not { } name) return null;
        IReadOnlyList<ParamSpec>? schema = null;
        if (f.TryGetValue("inputSchema", out var s) && ObjectBody(s, symbols) is { } sb)
        {
            var sf = CodeText.Fields(sb, Syntax.Js);
            if (sf.TryGetValue("properties", out var props) && ObjectBody(props, symbols) is { } pb)
            {
                var required = sf.TryGetValue("required", out var r) ? r : "";
                schema = CodeText.Fields(pb, Syntax.Js).Select(p =>
                {
                    var pf = ObjectBody(p.Value, symbols) is { } b ? CodeText.Fields(b, Syntax.Js) : [];
                    return new ParamSpec(p.Key, pf.TryGetValue("type", out var t) ? str(t) ?? "string" : "string",
                        pf.TryGetValue("description", out var d) ? str(d) : null,
                        required.Contains($"\"{p.Key}\"", StringComparison.Ordinal) || required.Contains($"'{p.Key}'", StringComparison.Ordinal));
                }).ToList();
            }
            else if (s.Contains("z.", StringComparison.Ordinal) || symbols.Objects.ContainsKey(s.Trim())) schema = Zod(s, symbols);
        }
        else if (f.TryGetValue("inputSchema", out var expr) && Regex.Match(expr, @"zodToJsonSchema\((\w+)") is { Success: true } z) schema = Zod(z.Groups[1].Value, symbols);
        var annotations = f.TryGetValue("annotations", out var a) && ObjectBody(a, symbols) is { } ab ? ToolBuilder.Annotations(CodeText.Fields(ab, Syntax.Js), str) : null;
        return ToolBuilder.Tool(name, f.TryGetValue("title", out var t2) ? str(t2) : null, f.TryGetValue("description", out var d2) ? str(d2) : null, schema, annotations);
    }

    /// <summary>A zod raw shape (<c>{ a: z.string() }</c>, <c>z.object({…})</c>, or a constant naming one) as parameters.</summary>
    private static List<ParamSpec>? Zod(string expr, SymbolTable symbols)
    {
        var e = expr.Trim();
        if (e.EndsWith(".shape", StringComparison.Ordinal)) e = e[..^6];
        if (e.StartsWith("z.object(", StringComparison.Ordinal) && CodeText.Inside(e, 8, Syntax.Js) is { } inner) e = inner.Trim();
        var body = ObjectBody(e, symbols);
        if (body is null) return null;
        var result = new List<ParamSpec>();
        foreach (var (key, value) in CodeText.Fields(body, Syntax.Js))
        {
            var v = value.Trim();
            var type = ZodType().Match(v) is { Success: true } t ? t.Groups["type"].Value : "string";
            var describe = v.IndexOf(".describe(", StringComparison.Ordinal);
            var description = describe < 0 ? null : CodeText.Inside(v, describe + 9, Syntax.Js) is { } d ? CodeText.StringValue(d, Syntax.Js, symbols.String) : null;
            var optional = v.Contains(".optional()", StringComparison.Ordinal) || v.Contains(".default(", StringComparison.Ordinal) || v.Contains(".nullish()", StringComparison.Ordinal);
            var jsonType = type switch { "number" or "bigint" => "number", "boolean" => "boolean", "array" => "array", "object" or "record" => "object", _ => "string" };
            if (type == "number" && v.Contains(".int()", StringComparison.Ordinal)) jsonType = "integer";
            IReadOnlyList<string>? values = null;
            if (type == "enum" && v.IndexOf('[') is var open and > 0 && CodeText.Inside(v, open, Syntax.Js) is { } list)
                values = CodeText.SplitTop(list, Syntax.Js).Select(x => CodeText.StringValue(x, Syntax.Js)).OfType<string>().ToList();
            result.Add(new ParamSpec(key, jsonType, description, !optional, values));
        }
        return result;
    }

    /// <summary>The inside of an object literal, or of the object constant an identifier names.</summary>
    private static string? ObjectBody(string expr, SymbolTable symbols)
    {
        var e = expr.Trim();
        var asAt = e.LastIndexOf(" as ", StringComparison.Ordinal);
        if (asAt > 0 && !e[asAt..].Contains('}', StringComparison.Ordinal)) e = e[..asAt].Trim();
        if (e.StartsWith('{')) return CodeText.Close(e, 0, Syntax.Js) == e.Length - 1 ? e[1..^1] : null;
        if (e.StartsWith("...", StringComparison.Ordinal)) e = e[3..];
        return symbols.Objects.TryGetValue(e, out var body) ? body : null;
    }

    private static List<string> Args(string text, int open) =>
        CodeText.Inside(text, open, Syntax.Js) is { } inside ? CodeText.SplitTop(inside, Syntax.Js) : [];

    private static ExtractedTool Found(ToolDefinition tool, double confidence, string file, string text, int index) =>
        new(tool, Provenance.Static, tool.Description is null ? confidence - 0.2 : confidence, $"{file}:{CodeText.LineOf(text, index)}");
}
