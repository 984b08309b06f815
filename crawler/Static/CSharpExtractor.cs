using System.Text.RegularExpressions;
using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>
/// C# SDK: methods carrying <c>[McpServerTool]</c> (with <c>Name</c>, <c>Title</c>, <c>ReadOnly</c>,
/// <c>Destructive</c>, <c>Idempotent</c>, <c>OpenWorld</c>) and <c>[Description]</c>; parameters with their
/// <c>[Description]</c>; injected parameters (server, cancellation, progress, services) skipped. The default name is
/// the SDK's: <c>Async</c> dropped, snake_case.
/// </summary>
internal static partial class CSharpExtractor
{
    [GeneratedRegex(@"\[\s*McpServerTool(?:Attribute)?\b")]
    private static partial Regex ToolAttribute();

    [GeneratedRegex(@"\b(?<name>[A-Za-z_]\w*)\s*(?:<[^>()]*>)?\s*\(")]
    private static partial Regex MethodName();

    [GeneratedRegex(@"Description(?:Attribute)?\s*\(")]
    private static partial Regex DescriptionAttribute();

    [GeneratedRegex(@"const\s+string\s+(?<name>\w+)\s*=\s*(?<value>@?""(?:[^""\\]|\\.)*"")")]
    private static partial Regex Constant();

    private static readonly string[] Injected = ["CancellationToken", "IMcpServer", "McpServer", "IProgress", "IServiceProvider", "RequestContext", "IMcpEndpoint", "HttpClient", "ILogger"];

    public static void CollectSymbols(string text, SymbolTable symbols)
    {
        foreach (Match m in Constant().Matches(text))
        {
            if (CodeText.StringValue(m.Groups["value"].Value, Syntax.CLike) is { } v) symbols.Strings.TryAdd(m.Groups["name"].Value, v);
        }
    }

    public static IEnumerable<ExtractedTool> Extract(string file, string text, SymbolTable symbols)
    {
        string? Str(string e) => CodeText.StringValue(e, Syntax.CLike, symbols.String);
        foreach (Match m in ToolAttribute().Matches(text))
        {
            var bracket = m.Index;
            var attrEnd = CodeText.Close(text, bracket, Syntax.CLike);
            if (attrEnd < 0) continue;
            var attr = text[(bracket + 1)..attrEnd];
            // The method follows the attribute list: skip further [attributes], then read "modifiers Type Name(".
            var i = attrEnd + 1;
            var attributes = attr;
            while (true)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                if (i >= text.Length || text[i] != '[') break;
                var close = CodeText.Close(text, i, Syntax.CLike);
                if (close < 0) break;
                attributes += "," + text[(i + 1)..close];
                i = close + 1;
            }
            var method = MethodName().Match(text, i);
            if (!method.Success || method.Index - i > 300) continue;
            var open = method.Index + method.Length - 1;
            var signature = CodeText.Inside(text, open, Syntax.CLike) ?? "";
            var toolArgs = attr.IndexOf('(') is var p and >= 0 && CodeText.Inside(attr, p, Syntax.CLike) is { } a ? CodeText.Fields(a, Syntax.CLike, '=') : [];
            var name = toolArgs.TryGetValue("Name", out var n) ? Str(n) ?? ToolBuilder.SnakeCase(method.Groups["name"].Value) : ToolBuilder.SnakeCase(method.Groups["name"].Value);
            var description = Description(attributes, Str);
            var parameters = new List<ParamSpec>();
            foreach (var raw in CodeText.SplitTop(signature, Syntax.CLike))
            {
                var prm = raw.Trim();
                var paramDescription = Description(prm, Str);
                var plain = Regex.Replace(prm, @"\[[^\]]*\]", "").Trim();
                var eq = plain.IndexOf('=', StringComparison.Ordinal);
                var decl = (eq < 0 ? plain : plain[..eq]).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (decl.Length < 2 || Injected.Any(t => decl[^2].StartsWith(t, StringComparison.Ordinal))) continue;
                parameters.Add(new ParamSpec(decl[^1], ToolBuilder.JsonType(decl[^2].TrimEnd('?')), paramDescription, eq < 0 && !decl[^2].EndsWith('?')));
            }
            var annotations = ToolBuilder.Annotations(toolArgs, Str);
            yield return new ExtractedTool(ToolBuilder.Tool(name, toolArgs.TryGetValue("Title", out var t) ? Str(t) : null, description, parameters, annotations),
                Provenance.Static, description is null ? 0.7 : 0.9, $"{file}:{CodeText.LineOf(text, m.Index)}");
        }
    }

    private static string? Description(string attributes, Func<string, string?> str)
    {
        var d = DescriptionAttribute().Match(attributes);
        return d.Success && CodeText.Inside(attributes, d.Index + d.Length - 1, Syntax.CLike) is { } inside ? str(inside) : null;
    }
}
