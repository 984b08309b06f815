using System.Text.RegularExpressions;
using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>
/// Python FastMCP: <c>@recv.tool</c> / <c>@recv.tool(name=…, description=…, annotations=…)</c> decorators, the call
/// form <c>recv.tool(name=…)(fn)</c>, and low-level <c>Tool(name=…)</c> in a <c>list_tools</c> handler. Name from
/// <c>name=</c> else the function; description from <c>description=</c> else the docstring; parameters from the
/// signature with <c>Field(description=)</c> and <c>Annotated[…]</c>; <c>self</c> and <c>Context</c> skipped.
/// </summary>
internal static partial class PythonExtractor
{
    [GeneratedRegex(@"(?m)^[ \t]*@(?<recv>[A-Za-z_][\w.]*)\.tool\b")]
    private static partial Regex Decorator();

    [GeneratedRegex(@"(?<recv>[A-Za-z_][\w.]*)\.tool\((?<args>[^()]*(?:\([^()]*\)[^()]*)*)\)\(\s*(?:self\.)?(?<fn>\w+)\s*\)")]
    private static partial Regex CallForm();

    [GeneratedRegex(@"\bTool\s*\(\s*name\s*=")]
    private static partial Regex LowLevelTool();

    [GeneratedRegex(@"(?m)^[ \t]*(?:async[ \t]+)?def[ \t]+(?<name>\w+)[ \t]*\(")]
    private static partial Regex Def();

    [GeneratedRegex(@"(?m)^(?<indent>[ \t]*)(?<name>[A-Za-z_]\w*)[ \t]*(?::[ \t]*\w+[ \t]*)?=[ \t]*(?<value>[rRbBuU]?(?:'[^'\n]*'|""[^""\n]*""))[ \t]*(?:#.*)?$")]
    private static partial Regex Constant();

    [GeneratedRegex(@"(?m)^class[ \t]+(?<name>\w+)")]
    private static partial Regex Class();

    public static void CollectSymbols(string text, SymbolTable symbols)
    {
        var classes = Class().Matches(text).Select(m => (m.Index, m.Groups["name"].Value)).ToList();
        foreach (Match m in Constant().Matches(text))
        {
            if (CodeText.StringValue(m.Groups["value"].Value, Syntax.Python) is not { } value) continue;
            var name = m.Groups["name"].Value;
            if (m.Groups["indent"].Length == 0) symbols.Strings.TryAdd(name, value);
            else if (classes.LastOrDefault(c => c.Index < m.Index) is { Value: { } cls }) symbols.Strings.TryAdd($"{cls}.{name}", value);
        }
    }

    public static IEnumerable<ExtractedTool> Extract(string file, string text, SymbolTable symbols)
    {
        string? Str(string e) => CodeText.StringValue(e, Syntax.Python, symbols.String);
        var results = new List<ExtractedTool>();
        foreach (Match m in Decorator().Matches(text))
        {
            var after = m.Index + m.Length;
            var kwargs = new Dictionary<string, string>(StringComparer.Ordinal);
            var i = after;
            while (i < text.Length && text[i] is ' ' or '\t') i++;
            if (i < text.Length && text[i] == '(' && CodeText.Inside(text, i, Syntax.Python) is { } args) kwargs = CodeText.Fields(args, Syntax.Python, '=');
            var def = Def().Match(text, after);
            if (!def.Success) continue;
            results.Add(Build(file, text, def, kwargs, Str, m.Index, 0.9));
        }
        foreach (Match m in CallForm().Matches(text))
        {
            var kwargs = CodeText.Fields(m.Groups["args"].Value, Syntax.Python, '=');
            var fn = m.Groups["fn"].Value;
            var def = Def().Matches(text).FirstOrDefault(d => d.Groups["name"].Value == fn);
            if (def is null)
            {
                var name = kwargs.TryGetValue("name", out var n) ? Str(n) ?? fn : fn;
                results.Add(new ExtractedTool(ToolBuilder.Tool(name, null, kwargs.TryGetValue("description", out var d) ? Str(d) : null, null, null),
                    Provenance.Static, 0.6, $"{file}:{CodeText.LineOf(text, m.Index)}"));
                continue;
            }
            results.Add(Build(file, text, def, kwargs, Str, m.Index, 0.85));
        }
        if (text.Contains("list_tools", StringComparison.Ordinal))
        {
            foreach (Match m in LowLevelTool().Matches(text))
            {
                var open = text.IndexOf('(', m.Index);
                if (CodeText.Inside(text, open, Syntax.Python) is not { } inside) continue;
                var f = CodeText.Fields(inside, Syntax.Python, '=');
                if (!f.TryGetValue("name", out var n) || Str(n) is not { } name) continue;
                var annotations = f.TryGetValue("annotations", out var a) ? AnnotationsOf(a, Str) : null;
                results.Add(new ExtractedTool(ToolBuilder.Tool(name, f.TryGetValue("title", out var t) ? Str(t) : null,
                    f.TryGetValue("description", out var d) ? Str(d) : null, null, annotations), Provenance.Static, 0.8, $"{file}:{CodeText.LineOf(text, m.Index)}"));
            }
        }
        return results;
    }

    private static ExtractedTool Build(string file, string text, Match def, Dictionary<string, string> kwargs, Func<string, string?> str, int at, double confidence)
    {
        var open = def.Index + def.Length - 1;
        var close = CodeText.Close(text, open, Syntax.Python);
        var signature = close < 0 ? "" : text[(open + 1)..close];
        var name = kwargs.TryGetValue("name", out var n) ? str(n) ?? def.Groups["name"].Value : def.Groups["name"].Value;
        var description = kwargs.TryGetValue("description", out var d) ? str(d) : null;
        description ??= close < 0 ? null : Docstring(text, close);
        var annotations = kwargs.TryGetValue("annotations", out var a) ? AnnotationsOf(a, str) : null;
        var title = kwargs.TryGetValue("title", out var t) ? str(t) : null;
        var excluded = kwargs.TryGetValue("exclude_args", out var ex) ? ex : "";
        var parameters = Parameters(signature, str).Where(p => !excluded.Contains($"'{p.Name}'", StringComparison.Ordinal) && !excluded.Contains($"\"{p.Name}\"", StringComparison.Ordinal)).ToList();
        return new ExtractedTool(ToolBuilder.Tool(name, title, description, parameters, annotations), Provenance.Static,
            description is null ? confidence - 0.2 : confidence, $"{file}:{CodeText.LineOf(text, at)}");
    }

    private static ToolAnnotations? AnnotationsOf(string expr, Func<string, string?> str)
    {
        var open = expr.IndexOfAny(['(', '{']);
        if (open < 0 || CodeText.Inside(expr, open, Syntax.Python) is not { } inside) return null;
        var fields = expr[open] == '(' ? CodeText.Fields(inside, Syntax.Python, '=') : CodeText.Fields(inside, Syntax.Python, ':');
        return ToolBuilder.Annotations(fields, str);
    }

    /// <summary>The docstring right after a def's signature (after the colon), if the body starts with one.</summary>
    private static string? Docstring(string text, int closeParen)
    {
        var colon = text.IndexOf(':', closeParen);
        if (colon < 0) return null;
        var i = colon + 1;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        var end = CodeText.SkipNonCode(text, i, Syntax.Python);
        if (end <= i) return null;
        return CodeText.StringValue(text[i..end], Syntax.Python)?.Trim();
    }

    private static IEnumerable<ParamSpec> Parameters(string signature, Func<string, string?> str)
    {
        foreach (var raw in CodeText.SplitTop(signature, Syntax.Python))
        {
            var p = raw.Trim();
            if (p.Length == 0 || p.StartsWith('*') || p == "/") continue;
            var eq = TopEquals(p);
            var head = eq < 0 ? p : p[..eq].Trim();
            var defaultExpr = eq < 0 ? null : p[(eq + 1)..].Trim();
            var colon = head.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? head : head[..colon]).Trim();
            var hint = colon < 0 ? null : head[(colon + 1)..].Trim();
            if (name is "self" or "cls" || hint is not null && hint.Contains("Context", StringComparison.Ordinal)) continue;
            string? description = null;
            var required = defaultExpr is null;
            foreach (var source in new[] { defaultExpr, hint })
            {
                if (source is null) continue;
                var field = source.IndexOf("Field(", StringComparison.Ordinal);
                if (field < 0 || CodeText.Inside(source, field + 5, Syntax.Python) is not { } args) continue;
                var f = CodeText.Fields(args, Syntax.Python, '=');
                description ??= f.TryGetValue("description", out var d) ? str(d) : null;
                if (ReferenceEquals(source, defaultExpr)) required = !f.ContainsKey("default") && !f.ContainsKey("default_factory") && !args.TrimStart().StartsWith("None", StringComparison.Ordinal);
            }
            var baseType = hint is null ? null : hint.StartsWith("Annotated[", StringComparison.Ordinal) ? hint[10..] : hint;
            yield return new ParamSpec(name, ToolBuilder.JsonType(baseType), description, required);
        }
    }

    private static int TopEquals(string p)
    {
        var depth = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var skip = CodeText.SkipNonCode(p, i, Syntax.Python);
            if (skip > i) { i = skip - 1; continue; }
            if (p[i] is '(' or '[' or '{') depth++;
            else if (p[i] is ')' or ']' or '}') depth--;
            else if (p[i] == '=' && depth == 0) return i;
        }
        return -1;
    }
}
