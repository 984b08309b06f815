using System.Text;

namespace Catalog.Classifier.Signals;

/// <summary>
/// Invariant lower-casing with a vectorised path for ASCII, which is nearly all tool text: for ASCII,
/// <see cref="string.ToLowerInvariant()"/> maps A–Z and nothing else, exactly as <see cref="Ascii.ToLower(ReadOnlySpan{char}, Span{char}, out int)"/>.
/// </summary>
internal static class LowerCase
{
    /// <summary>The same string as <c>text.ToLowerInvariant()</c>.</summary>
    public static string Of(string text)
    {
        if (!Ascii.IsValid(text)) return text.ToLowerInvariant();
        if (text.AsSpan().IndexOfAnyInRange('A', 'Z') < 0) return text;
        return string.Create(text.Length, text, static (lower, source) => Ascii.ToLower(source, lower, out _));
    }

    /// <summary>The same string as decoding <paramref name="utf8"/> and calling <c>ToLowerInvariant()</c> on it.</summary>
    public static string OfUtf8(ReadOnlySpan<byte> utf8) =>
        Ascii.IsValid(utf8)
            ? string.Create(utf8.Length, utf8, static (lower, source) => Ascii.ToLower(source, lower, out _))
            : Encoding.UTF8.GetString(utf8).ToLowerInvariant();
}
