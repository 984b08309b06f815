using System.Text.RegularExpressions;
using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>
/// Go: mark3labs/mcp-go <c>mcp.NewTool(name, opts…)</c> (WithDescription, WithToolAnnotation, With*HintAnnotation,
/// WithString/Number/Boolean/Array/Object parameters) and go-sdk <c>mcp.Tool{Name:, Description:, Annotations:}</c>.
/// Only declared hints are recorded, so mcp-go's serialised defaults are not mistaken for the author's claim.
/// </summary>
internal static partial class GoExtractor
{
    [GeneratedRegex(@"\bmcp\.NewTool\s*\(")]
    private static partial Regex NewTool();

    [GeneratedRegex(@"\bmcp\.Tool\s*\{")]
    private static partial Regex ToolLiteral();

    [GeneratedRegex(@"(?m)^[ \t]*(?:const[ \t]+)?(?<name>[A-Za-z_]\w*)[ \t]*(?:string[ \t]*)?=[ \t]*(?<value>""(?:[^""\\\n]|\\.)*""|`[^`]*`)")]
    private static partial Regex Constant();

    [GeneratedRegex(@"mcp\.With(?<kind>String|Number|Boolean|Array|Object)\s*\(")]
    private static partial Regex Param();

    public static void CollectSymbols(string text, SymbolTable symbols)
    {
        foreach (Match m in Constant().Matches(text))
        {
            if (CodeText.StringValue(m.Groups["value"].Value, Syntax.Go) is { } v) symbols.Strings.TryAdd(m.Groups["name"].Value, v);
        }
    }

    public static IEnumerable<ExtractedTool> Extract(string file, string text, SymbolTable symbols)
    {
        string? Str(string e) => CodeText.StringValue(e, Syntax.Go, symbols.String);
        foreach (Match m in NewTool().Matches(text))
        {
            if (CodeText.Inside(text, m.Index + m.Length - 1, Syntax.Go) is not { } inside) continue;
            var args = CodeText.SplitTop(inside, Syntax.Go);
            if (args.Count == 0 || Str(args[0]) is not { } name) continue;
            string? description = null, title = null;
            var hints = new Dictionary<string, string>(StringComparer.Ordinal);
            var parameters = new List<ParamSpec>();
            foreach (var opt in args.Skip(1))
            {
                var call = Call(opt);
                if (call is null) continue;
                var (fn, callArgs) = call.Value;
                switch (fn)
                {
                    case "mcp.WithDescription" when callArgs.Count > 0: description = Str(callArgs[0]); break;
                    case "mcp.WithTitleAnnotation" when callArgs.Count > 0: title = Str(callArgs[0]); break;
                    case "mcp.WithReadOnlyHintAnnotation": hints["ReadOnlyHint"] = callArgs.FirstOrDefault() ?? ""; break;
                    case "mcp.WithDestructiveHintAnnotation": hints["DestructiveHint"] = callArgs.FirstOrDefault() ?? ""; break;
                    case "mcp.WithIdempotentHintAnnotation": hints["IdempotentHint"] = callArgs.FirstOrDefault() ?? ""; break;
                    case "mcp.WithOpenWorldHintAnnotation": hints["OpenWorldHint"] = callArgs.FirstOrDefault() ?? ""; break;
                    case "mcp.WithToolAnnotation" when callArgs.Count > 0 && callArgs[0].IndexOf('{') is var b and >= 0:
                        foreach (var (k, v) in CodeText.Fields(CodeText.Inside(callArgs[0], b, Syntax.Go) ?? "", Syntax.Go)) hints[k] = v;
                        break;
                }
                if (Param().Match(opt) is { Success: true, Index: 0 } p && callArgs.Count > 0 && Str(callArgs[0]) is { } pname)
                {
                    var rest = string.Join(",", callArgs.Skip(1));
                    var d = callArgs.Skip(1).Select(Call).FirstOrDefault(c => c?.Fn == "mcp.Description");
                    parameters.Add(new ParamSpec(pname, p.Groups["kind"].Value.ToLowerInvariant() switch { "number" => "number", "boolean" => "boolean", "array" => "array", "object" => "object", _ => "string" },
                        d is { Args.Count: > 0 } dd ? Str(dd.Args[0]) : null, rest.Contains("mcp.Required()", StringComparison.Ordinal)));
                }
            }
            var annotations = ToolBuilder.Annotations(hints, Str);
            if (title is not null) annotations = (annotations ?? new ToolAnnotations()) with { Title = title };
            yield return new ExtractedTool(ToolBuilder.Tool(name, null, description, parameters, annotations), Provenance.Static,
                description is null ? 0.7 : 0.9, $"{file}:{CodeText.LineOf(text, m.Index)}");
        }
        foreach (Match m in ToolLiteral().Matches(text))
        {
            if (CodeText.Inside(text, m.Index + m.Length - 1, Syntax.Go) is not { } body) continue;
            var f = CodeText.Fields(body, Syntax.Go);
            if (!f.TryGetValue("Name", out var n) || Str(n) is not { } name) continue;
            ToolAnnotations? annotations = null;
            if (f.TryGetValue("Annotations", out var a) && a.IndexOf('{') is var b and >= 0)
                annotations = ToolBuilder.Annotations(CodeText.Fields(CodeText.Inside(a, b, Syntax.Go) ?? "", Syntax.Go), Str);
            var description = f.TryGetValue("Description", out var d) ? Str(d) : null;
            yield return new ExtractedTool(ToolBuilder.Tool(name, f.TryGetValue("Title", out var t) ? Str(t) : null, description, null, annotations),
                Provenance.Static, description is null ? 0.65 : 0.85, $"{file}:{CodeText.LineOf(text, m.Index)}");
        }
    }

    private static (string Fn, List<string> Args)? Call(string expr)
    {
        var e = expr.Trim();
        var open = e.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || CodeText.Close(e, open, Syntax.Go) != e.Length - 1) return null;
        return (e[..open].Trim(), CodeText.SplitTop(e[(open + 1)..^1], Syntax.Go));
    }
}
