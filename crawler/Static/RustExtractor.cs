using System.Text.RegularExpressions;
using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>
/// Rust rmcp: <c>#[tool(…)]</c> on functions in files that use rmcp (other crates define <c>#[tool]</c> too). Name
/// from <c>name =</c> else the function; description from <c>description =</c> else the <c>///</c> doc comment;
/// <c>annotations(read_only_hint = …)</c>.
/// </summary>
internal static partial class RustExtractor
{
    [GeneratedRegex(@"#\[tool\b(?!_)")]
    private static partial Regex ToolAttribute();

    [GeneratedRegex(@"\bfn\s+(?<name>\w+)")]
    private static partial Regex Fn();

    public static IEnumerable<ExtractedTool> Extract(string file, string text, SymbolTable symbols)
    {
        if (!text.Contains("rmcp", StringComparison.Ordinal) && !text.Contains("#[tool_router]", StringComparison.Ordinal)) yield break;
        string? Str(string e) => CodeText.StringValue(e, Syntax.CLike, symbols.String);
        foreach (Match m in ToolAttribute().Matches(text))
        {
            var close = CodeText.Close(text, m.Index + 1, Syntax.CLike);
            if (close < 0) continue;
            var attr = text[(m.Index + 2)..close];
            var fields = attr.IndexOf('(') is var p and >= 0 && CodeText.Inside(attr, p, Syntax.CLike) is { } a ? CodeText.Fields(a, Syntax.CLike, '=') : [];
            if (fields.ContainsKey("tool_box") || attr.Contains("aggr", StringComparison.Ordinal)) continue;
            var fn = Fn().Match(text, close);
            if (!fn.Success) continue;
            var name = fields.TryGetValue("name", out var n) ? Str(n) ?? fn.Groups["name"].Value : fn.Groups["name"].Value;
            var description = fields.TryGetValue("description", out var d) ? Str(d) : DocComment(text, m.Index);
            ToolAnnotations? annotations = null;
            var ann = attr.IndexOf("annotations", StringComparison.Ordinal);
            if (ann >= 0 && attr.IndexOf('(', ann) is var ap and >= 0 && CodeText.Inside(attr, ap, Syntax.CLike) is { } inner)
                annotations = ToolBuilder.Annotations(CodeText.Fields(inner, Syntax.CLike, '='), Str);
            yield return new ExtractedTool(ToolBuilder.Tool(name, fields.TryGetValue("title", out var t) ? Str(t) : null, description, null, annotations),
                Provenance.Static, description is null ? 0.65 : 0.85, $"{file}:{CodeText.LineOf(text, m.Index)}");
        }
    }

    private static string? DocComment(string text, int attrIndex)
    {
        var lines = text[..attrIndex].Split('\n');
        var doc = new List<string>();
        for (var i = lines.Length - 2; i >= 0; i--)
        {
            var l = lines[i].Trim();
            if (l.StartsWith("///", StringComparison.Ordinal)) doc.Insert(0, l[3..].Trim());
            else if (l.StartsWith("#[", StringComparison.Ordinal)) continue;
            else break;
        }
        return doc.Count == 0 ? null : string.Join(" ", doc);
    }
}
