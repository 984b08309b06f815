using System.Buffers;
using System.Net;

namespace Catalog.Site.Rendering;

/// <summary>The one place text becomes HTML. Every crawled string is hostile until it has passed through here.</summary>
public static class Html
{
    /// <summary>Encodes text for element content and for double- or single-quoted attribute values.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(Reveal(text ?? ""));

    /// <summary>
    /// Makes invisible and direction-changing characters visible as <c>⟨U+202E⟩</c>: bidi overrides and isolates,
    /// zero-width characters and Unicode tag characters (used to smuggle hidden instructions) cannot reorder or hide
    /// text on a page. Other text is returned as is (the same instance when nothing changes).
    /// </summary>
    public static string Reveal(string text)
    {
        // Most text has none of them: one vectorised search decides, and the exact check starts where it stopped.
        var i = text.AsSpan().IndexOfAny(MaybeHidden);
        if (i < 0) return text;
        for (; i < text.Length; i++)
            if (IsHidden(text, i, out _)) break;
        if (i == text.Length) return text;
        var sb = new System.Text.StringBuilder(text.Length + 16);
        sb.Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            if (IsHidden(text, i, out var codePoint))
            {
                sb.Append("⟨U+").Append(codePoint.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('⟩');
                if (codePoint > 0xFFFF) i++;
            }
            else
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Every character <see cref="IsHidden"/> can be true for: the controls, the invisible and direction characters,
    /// and the high surrogate of the Unicode tag block (U+E0000–U+E007F is U+DB40 followed by U+DC00–U+DC7F).
    /// </summary>
    private static readonly SearchValues<char> MaybeHidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"
        + "\u00AD\u061C\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF\uDB40");

    private static bool IsHidden(string text, int i, out int codePoint)
    {
        var c = text[i];
        codePoint = c;
        if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or >= '\u200B' and <= '\u200F' or '\u2060' or '\uFEFF' or '\u061C' or '\u00AD')
            return true;
        if (c < ' ' && c is not '\n' and not '\r' and not '\t') return true;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var cp = char.ConvertToUtf32(c, text[i + 1]);
            if (cp is >= 0xE0000 and <= 0xE007F)
            {
                codePoint = cp;
                return true;
            }
        }
        return false;
    }

    /// <summary>Encodes text for XML (Atom, sitemap): hidden characters revealed, characters XML 1.0 forbids dropped.</summary>
    public static string Xml(string? text)
    {
        var revealed = Reveal(text ?? "");
        var sb = new System.Text.StringBuilder(revealed.Length);
        for (var i = 0; i < revealed.Length; i++)
        {
            var c = revealed[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < revealed.Length && char.IsLowSurrogate(revealed[i + 1])) { sb.Append(c).Append(revealed[++i]); }
                continue;
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF') continue;
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Builds markup from an interpolated template; interpolated strings are encoded.</summary>
    public static Markup Of(ref MarkupHandler handler) => handler.ToMarkup();

    /// <summary>Joins markup (evaluating <paramref name="parts"/> once, now) without copying it; see <see cref="Markup"/>.</summary>
    public static Markup Join(IEnumerable<Markup> parts, string separator = "")
    {
        if (separator.Length == 0) return Markup.Concat(parts.ToArray());
        var between = new Markup(separator);
        var joined = new List<Markup>();
        foreach (var part in parts)
        {
            if (joined.Count > 0) joined.Add(between);
            joined.Add(part);
        }
        return Markup.Concat([.. joined]);
    }

    /// <summary>For markup produced by a trusted renderer (Markdig with raw HTML disabled) or a constant.</summary>
    internal static Markup Trusted(string html) => new(html);

    /// <summary>
    /// Returns the URL when it is an absolute http(s) URL that may become a link, otherwise null (the caller then
    /// shows it as text). Everything else — javascript:, data:, relative paths, protocol-relative — is refused.
    /// </summary>
    public static string? SafeExternalUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048) return null;
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        if (string.IsNullOrEmpty(uri.Host)) return null;
        return uri.AbsoluteUri;
    }

    /// <summary>Shortens text for display, on a character boundary, with an ellipsis.</summary>
    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max) return text ?? "";
        var cut = max;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
