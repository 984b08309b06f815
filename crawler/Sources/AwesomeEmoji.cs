using System.Globalization;
using System.Text;

namespace Catalog.Crawler.Sources;

/// <summary>
/// The awesome-mcp-servers legend, matched with and without U+FE0F and across lost zero-width joiners
/// (<c>🏎</c>/<c>🏎️</c>, <c>☁</c>/<c>☁️</c>/<c>⛅️</c>, keycap <c>#️⃣</c> = U+0023 U+FE0F U+20E3).
/// </summary>
internal static class AwesomeEmoji
{
    public enum Kind { Official, Language, Scope, Platform }

    private static readonly Dictionary<string, (Kind Kind, string Value)> Legend = new(StringComparer.Ordinal)
    {
        ["🎖"] = (Kind.Official, "official"),
        ["🐍"] = (Kind.Language, "python"),
        ["📇"] = (Kind.Language, "typescript"),
        ["🏎"] = (Kind.Language, "go"),
        ["🦀"] = (Kind.Language, "rust"),
        ["#\u20E3"] = (Kind.Language, "csharp"),
        ["☕"] = (Kind.Language, "java"),
        ["🌊"] = (Kind.Language, "c/c++"),
        ["💎"] = (Kind.Language, "ruby"),
        ["☁"] = (Kind.Scope, "cloud"),
        ["⛅"] = (Kind.Scope, "cloud"),
        ["🏠"] = (Kind.Scope, "local"),
        ["📟"] = (Kind.Scope, "embedded"),
        ["🍎"] = (Kind.Platform, "macos"),
        ["🪟"] = (Kind.Platform, "windows"),
        ["🐧"] = (Kind.Platform, "linux"),
    };

    /// <summary>The legend entries in a run of emojis; unknown emojis are ignored.</summary>
    public static IEnumerable<(Kind Kind, string Value)> Read(string zone)
    {
        var e = StringInfo.GetTextElementEnumerator(Clean(zone));
        while (e.MoveNext())
        {
            if (Legend.TryGetValue((string)e.Current, out var hit)) yield return hit;
        }
    }

    /// <summary>A whitespace-separated token made only of emojis (combined markers such as <c>☁️/🏠</c> included).</summary>
    public static bool IsEmojiToken(string token)
    {
        var clean = Clean(token).Replace("/", "", StringComparison.Ordinal);
        if (clean.Length == 0) return false;
        var e = StringInfo.GetTextElementEnumerator(clean);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            if (Legend.ContainsKey(element)) continue;
            var category = Rune.GetUnicodeCategory(Rune.GetRuneAt(element, 0));
            if (category is not (UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol)) return false;
        }
        return true;
    }

    private static string Clean(string s) => s.Replace("\uFE0F", "", StringComparison.Ordinal).Replace("\u200D", "", StringComparison.Ordinal);
}
