using System.Globalization;
using System.Text;

namespace Catalog.Classifier.Export;

/// <summary>
/// String literals for each output language. Tool names and messages come from crawled servers, so every one is
/// escaped, never pasted.
/// </summary>
public static class Quote
{
    /// <summary>A double-quoted literal valid in JSON, YAML, TOML, CEL and Rego: \" \\ and \uXXXX for controls.</summary>
    public static string Json(string s) => Escape(s, c => $"\\u{(int)c:X4}");

    /// <summary>A Cedar string literal: Cedar writes unicode escapes as \u{X}.</summary>
    public static string Cedar(string s) => Escape(s, c => $"\\u{{{(int)c:X}}}");

    /// <summary>A Cedar <c>like</c> pattern matching <paramref name="s"/> literally, with '*' escaped.</summary>
    public static string CedarLiteralPattern(string s) => Cedar(s)[1..^1].Replace("*", "\\*", StringComparison.Ordinal);

    /// <summary>A YAML/shell-free comment line: no line breaks.</summary>
    public static string Comment(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>Escapes regex metacharacters the same way for RE2, JavaScript and .NET.</summary>
    public static string Regex(string s)
    {
        var b = new StringBuilder();
        foreach (var c in s)
        {
            if ("\\.+*?()|[]{}^$/".Contains(c)) b.Append('\\');
            b.Append(c);
        }
        return b.ToString();
    }

    /// <summary>A case-insensitive word as a character-class regex (no inline flags, which not every engine has).</summary>
    public static string CaseInsensitive(string word) =>
        string.Concat(word.Select(c => char.IsLetter(c) ? $"[{char.ToUpperInvariant(c)}{char.ToLowerInvariant(c)}]" : c.ToString()));

    private static string Escape(string s, Func<char, string> unicode)
    {
        var b = new StringBuilder("\"");
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => unicode(c),
                _ => c.ToString(CultureInfo.InvariantCulture),
            });
        }
        return b.Append('"').ToString();
    }
}
