using System.Text.Json.Nodes;

namespace Catalog.Classifier.Export;

/// <summary>
/// Just enough YAML for an overrides file: nested block mappings, block lists of scalars, flow <c>{a: b}</c> and
/// <c>[a, b]</c>, quoted or plain scalars, <c>#</c> comments. Every scalar comes back as a string. Anything else is a
/// <see cref="FormatException"/> naming the line.
/// </summary>
internal static class MiniYaml
{
    public static JsonNode Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select((l, i) => (Text: StripComment(l).TrimEnd(), Line: i + 1))
            .Where(l => l.Text.Trim().Length > 0 && l.Text.Trim() != "---")
            .ToList();
        var pos = 0;
        var node = Block(lines, ref pos, 0);
        if (pos < lines.Count) throw new FormatException($"line {lines[pos].Line}: unexpected indentation");
        return node;
    }

    private static JsonNode Block(List<(string Text, int Line)> lines, ref int pos, int indent)
    {
        if (pos >= lines.Count) return new JsonObject();
        var first = lines[pos].Text;
        var own = Indent(first);
        if (own < indent) return new JsonObject();
        if (first.TrimStart().StartsWith("- ", StringComparison.Ordinal) || first.Trim() == "-")
        {
            var list = new JsonArray();
            while (pos < lines.Count && Indent(lines[pos].Text) == own && lines[pos].Text.TrimStart().StartsWith('-'))
            {
                list.Add(Scalar(lines[pos].Text.TrimStart()[1..].Trim(), lines[pos].Line));
                pos++;
            }
            return list;
        }
        var map = new JsonObject();
        while (pos < lines.Count && Indent(lines[pos].Text) == own)
        {
            var (text, line) = lines[pos];
            var colon = KeyColon(text);
            if (colon < 0) throw new FormatException($"line {line}: expected 'key: value'");
            var key = Unquote(text[..colon].Trim());
            var rest = text[(colon + 1)..].Trim();
            pos++;
            map[key] = rest.Length > 0 ? Scalar(rest, line)
                : pos < lines.Count && Indent(lines[pos].Text) > own ? Block(lines, ref pos, own + 1)
                : null;
        }
        if (pos < lines.Count && Indent(lines[pos].Text) > own) throw new FormatException($"line {lines[pos].Line}: unexpected indentation");
        return map;
    }

    private static JsonNode Scalar(string text, int line)
    {
        var i = 0;
        var node = Flow(text, ref i, line);
        if (text[i..].Trim().Length > 0) throw new FormatException($"line {line}: unexpected '{text[i..].Trim()}'");
        return node;
    }

    private static JsonNode Flow(string s, ref int i, int line)
    {
        Skip(s, ref i);
        if (i < s.Length && s[i] == '{')
        {
            var o = new JsonObject();
            i++;
            while (true)
            {
                Skip(s, ref i);
                if (i < s.Length && s[i] == '}') { i++; return o; }
                var key = Token(s, ref i, ":", line);
                if (i >= s.Length || s[i] != ':') throw new FormatException($"line {line}: expected ':' in a flow mapping");
                i++;
                o[Unquote(key)] = Flow(s, ref i, line);
                Skip(s, ref i);
                if (i < s.Length && s[i] == ',') i++;
                else if (i >= s.Length || s[i] != '}') throw new FormatException($"line {line}: unclosed '{{'");
            }
        }
        if (i < s.Length && s[i] == '[')
        {
            var a = new JsonArray();
            i++;
            while (true)
            {
                Skip(s, ref i);
                if (i < s.Length && s[i] == ']') { i++; return a; }
                a.Add(Flow(s, ref i, line));
                Skip(s, ref i);
                if (i < s.Length && s[i] == ',') i++;
                else if (i >= s.Length || s[i] != ']') throw new FormatException($"line {line}: unclosed '['");
            }
        }
        return JsonValue.Create(Unquote(Token(s, ref i, ",}]", line)));
    }

    private static string Token(string s, ref int i, string stops, int line)
    {
        Skip(s, ref i);
        var start = i;
        if (i < s.Length && s[i] is '"' or '\'')
        {
            var q = s[i++];
            while (i < s.Length && s[i] != q) i += s[i] == '\\' && q == '"' ? 2 : 1;
            if (i >= s.Length) throw new FormatException($"line {line}: unclosed quote");
            i++;
            return s[start..i];
        }
        // A ':' ends a flow key only when followed by a space, so "60/minute" and URLs survive.
        while (i < s.Length && !(stops.Contains(s[i]) && (s[i] != ':' || i + 1 >= s.Length || s[i + 1] == ' '))) i++;
        return s[start..i].Trim();
    }

    private static void Skip(string s, ref int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
    }

    private static int KeyColon(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' ')) return i;
        }
        return -1;
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && (s[0] == '"' && s[^1] == '"' || s[0] == '\'' && s[^1] == '\'')
            ? s[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal)
            : s;

    private static int Indent(string s) => s.Length - s.TrimStart(' ').Length;

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#' && (i == 0 || line[i - 1] == ' ')) return line[..i];
        }
        return line;
    }
}
