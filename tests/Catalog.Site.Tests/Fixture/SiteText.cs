using System.Net;
using System.Text.RegularExpressions;

namespace Catalog.Site.Tests.Fixture;

/// <summary>Helpers that read generated HTML the way a browser would, without a browser.</summary>
public static partial class SiteText
{
    /// <summary>The visible text of a page: scripts, styles and tags removed, entities decoded.</summary>
    public static string Visible(string html)
    {
        var noScripts = ScriptOrStyle().Replace(html, " ");
        var blocks = BlockTag().Replace(noScripts, " ");
        var noTags = Tag().Replace(blocks, "");
        return Space().Replace(WebUtility.HtmlDecode(noTags), " ").Trim();
    }

    /// <summary>Every href and src value in a page, decoded.</summary>
    public static IEnumerable<string> Links(string html) =>
        LinkAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value));

    /// <summary>True for links that leave the site (have a scheme) or stay on the page (fragment only).</summary>
    public static bool IsExternalOrFragment(string link) => Scheme().IsMatch(link) || link.StartsWith('#') || link.StartsWith("//", StringComparison.Ordinal);

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?(p|div|li|ul|ol|td|th|tr|table|thead|tbody|h[1-6]|dt|dd|dl|br|summary|details|section|nav|header|footer|main|pre|title|head|body|html)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("""\b(href|src)\s*=\s*"([^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\b(low|medium|high|critical)\b", RegexOptions.IgnoreCase)]
    public static partial Regex RiskWord();
}
