using System.Text;

namespace Catalog.Crawler.Static;

/// <summary>The string and comment rules of one language family, enough to find balanced brackets.</summary>
public enum Syntax
{
    /// <summary>TypeScript/JavaScript: '…', "…", `…${}…`, // and /* */ comments.</summary>
    Js,
    /// <summary>Python: '…', "…", triple quotes, # comments.</summary>
    Python,
    /// <summary>Go: "…", raw `…`, runes, // and /* */.</summary>
    Go,
    /// <summary>C#, Rust, Java: "…", @"…", '…' chars, // and /* */.</summary>
    CLike,
}

/// <summary>A small scanner over source text: balanced brackets, top-level splits and string literals.</summary>
public static class CodeText
{
    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, or -1.</summary>
    public static int Close(string s, int open, Syntax syntax)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            var skip = SkipNonCode(s, i, syntax);
            if (skip > i) { i = skip - 1; continue; }
            var c = s[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The text between the bracket at <paramref name="open"/> and its partner, or null.</summary>
    public static string? Inside(string s, int open, Syntax syntax)
    {
        var close = Close(s, open, syntax);
        return close < 0 ? null : s[(open + 1)..close];
    }

    /// <summary>Splits on <paramref name="separator"/> at bracket depth 0, outside strings.</summary>
    public static List<string> SplitTop(string s, Syntax syntax, char separator = ',')
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var skip = SkipNonCode(s, i, syntax);
            if (skip > i) { i = skip - 1; continue; }
            var c = s[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (c == separator && depth == 0) { parts.Add(s[start..i].Trim()); start = i + 1; }
        }
        var last = s[start..].Trim();
        if (last.Length > 0) parts.Add(last);
        return parts;
    }

    /// <summary><c>key: value</c> (or <c>key=value</c>) pairs of an object literal or argument list, at the top level.</summary>
    public static Dictionary<string, string> Fields(string body, Syntax syntax, char assign = ':')
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in SplitTop(body, syntax))
        {
            var at = TopLevelIndex(part, assign, syntax);
            if (at <= 0) continue;
            var key = part[..at].Trim().Trim('"', '\'');
            if (key.Length == 0 || key.Any(ch => !(char.IsLetterOrDigit(ch) || ch == '_'))) continue;
            result.TryAdd(key, part[(at + 1)..].Trim());
        }
        return result;
    }

    private static int TopLevelIndex(string s, char target, Syntax syntax)
    {
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var skip = SkipNonCode(s, i, syntax);
            if (skip > i) { i = skip - 1; continue; }
            var c = s[i];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (c == target && depth == 0 && !(target == '=' && i + 1 < s.Length && s[i + 1] == '=') && !(target == '=' && i > 0 && s[i - 1] is '=' or '!' or '<' or '>')) return i;
        }
        return -1;
    }

    /// <summary>
    /// Evaluates a string expression: literals joined by <c>+</c> (or adjacent, in Python and Go), parentheses,
    /// identifiers through <paramref name="resolve"/>, and translation helpers <c>t("KEY", "default")</c>. Null when
    /// any part is not static.
    /// </summary>
    public static string? StringValue(string expr, Syntax syntax, Func<string, string?>? resolve = null, int depth = 0)
    {
        var e = expr.Trim();
        if (e.Length == 0 || depth > 8) return null;
        while (e.StartsWith('(') && Close(e, 0, syntax) == e.Length - 1) e = e[1..^1].Trim();
        var parts = SplitTop(e, syntax, '+');
        if (parts.Count > 1) return Join(parts.Select(p => StringValue(p, syntax, resolve, depth + 1)));
        var sb = new StringBuilder();
        var i = 0;
        var any = false;
        while (i < e.Length)
        {
            while (i < e.Length && char.IsWhiteSpace(e[i])) i++;
            if (i >= e.Length) break;
            var end = ReadLiteral(e, i, syntax, sb);
            if (end <= i) break;
            any = true;
            i = end;
        }
        if (any && i >= e.Length) return sb.ToString();
        if (e.EndsWith(".value", StringComparison.Ordinal)) e = e[..^6];
        if (e.EndsWith(".trim()", StringComparison.Ordinal)) e = e[..^7];
        // t("KEY", "default") and similar translation wrappers: the last argument that is a literal.
        var paren = e.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0 && e.EndsWith(')') && Close(e, paren, syntax) == e.Length - 1)
        {
            var args = SplitTop(e[(paren + 1)..^1], syntax);
            if (args.Count == 2) return StringValue(args[1], syntax, resolve, depth + 1);
            return null;
        }
        if (e.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '$')) return resolve?.Invoke(e);
        return null;
    }

    private static string? Join(IEnumerable<string?> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            if (p is null) return null;
            sb.Append(p);
        }
        return sb.ToString();
    }

    /// <summary>Reads one string literal at <paramref name="i"/> into <paramref name="sb"/>; returns the index after it, or i.</summary>
    private static int ReadLiteral(string s, int i, Syntax syntax, StringBuilder sb)
    {
        var start = i;
        if (syntax == Syntax.Python) while (i < s.Length && "rRbBuUfF".Contains(s[i], StringComparison.Ordinal) && i - start < 2) i++;
        if (syntax == Syntax.CLike && i < s.Length && s[i] == '@') i++;
        if (i >= s.Length) return start;
        var q = s[i];
        var raw = syntax == Syntax.Go && q == '`' || syntax == Syntax.CLike && i > start || syntax == Syntax.Python && s[start..i].Contains('r', StringComparison.OrdinalIgnoreCase);
        if (q is not ('"' or '\'' or '`')) return start;
        if (syntax == Syntax.Go && q == '\'') return start;
        if (syntax == Syntax.Python && i + 2 < s.Length && s[i + 1] == q && s[i + 2] == q)
        {
            var close = s.IndexOf(new string(q, 3), i + 3, StringComparison.Ordinal);
            if (close < 0) return start;
            sb.Append(Unescape(s[(i + 3)..close], raw));
            return close + 3;
        }
        if (q == '`' && syntax == Syntax.Js)
        {
            var close = s.IndexOf('`', i + 1);
            if (close < 0 || s[(i + 1)..close].Contains("${", StringComparison.Ordinal)) return start;
            sb.Append(Unescape(s[(i + 1)..close], false));
            return close + 1;
        }
        for (var j = i + 1; j < s.Length; j++)
        {
            if (!raw && s[j] == '\\') { j++; continue; }
            if (s[j] == q)
            {
                if (raw && syntax == Syntax.CLike && j + 1 < s.Length && s[j + 1] == q) { j++; continue; }
                sb.Append(Unescape(s[(i + 1)..j], raw));
                return j + 1;
            }
        }
        return start;
    }

    private static string Unescape(string s, bool raw)
    {
        if (raw || !s.Contains('\\', StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length) { sb.Append(s[i]); continue; }
            var c = s[++i];
            sb.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', '\n' => '\0', _ => c });
            if (c == '\n') sb.Length--;
        }
        return sb.ToString();
    }

    /// <summary>If a string or comment starts at <paramref name="i"/>, the index after it; else <paramref name="i"/>.</summary>
    public static int SkipNonCode(string s, int i, Syntax syntax)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        if (syntax != Syntax.Python && c == '/' && next == '/') { var nl = s.IndexOf('\n', i); return nl < 0 ? s.Length : nl; }
        if (syntax != Syntax.Python && c == '/' && next == '*') { var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal); return end < 0 ? s.Length : end + 2; }
        if (syntax == Syntax.Python && c == '#') { var nl = s.IndexOf('\n', i); return nl < 0 ? s.Length : nl; }
        if (c is '"' or '\'' or '`')
        {
            if (c == '`' && syntax is Syntax.Python or Syntax.CLike) return i;
            if (c == '\'' && syntax == Syntax.CLike)
            {
                // a char literal ('x', '\n') or a Rust lifetime ('a): only skip the short literal forms
                if (i + 2 < s.Length && s[i + 2] == '\'') return i + 3;
                if (i + 3 < s.Length && s[i + 1] == '\\' && s[i + 3] == '\'') return i + 4;
                return i;
            }
            if (syntax == Syntax.Python && i + 2 < s.Length && next == c && s[i + 2] == c)
            {
                var end = s.IndexOf(new string(c, 3), i + 3, StringComparison.Ordinal);
                return end < 0 ? s.Length : end + 3;
            }
            var raw = syntax == Syntax.Go && c == '`' || syntax == Syntax.CLike && i > 0 && s[i - 1] == '@';
            for (var j = i + 1; j < s.Length; j++)
            {
                if (!raw && s[j] == '\\') { j++; continue; }
                if (s[j] == c) return j + 1;
                if (s[j] == '\n' && c != '`' && !raw) return j;
            }
            return s.Length;
        }
        return i;
    }

    /// <summary>1-based line of an index, for locations.</summary>
    public static int LineOf(string s, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < s.Length; i++) if (s[i] == '\n') line++;
        return line;
    }
}
