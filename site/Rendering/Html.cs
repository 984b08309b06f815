using System.Net;

namespace Catalog.Site.Rendering;

/// <summary>The one place text becomes HTML. Every crawled string is hostile until it has passed through here.</summary>
public static class Html
{
    /// <summary>Encodes text for element content and for double- or single-quoted attribute values.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Builds markup from an interpolated template; interpolated strings are encoded.</summary>
    public static Markup Of(ref MarkupHandler handler) => handler.ToMarkup();

    public static Markup Join(IEnumerable<Markup> parts, string separator = "") =>
        new(string.Join(separator, parts.Select(p => p.Value)));

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
