using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Catalog.Crawler.Sources;

/// <summary>
/// Reads an awesome list's README through Markdig's syntax tree: every list item whose first real link is an
/// http(s) URL is an entry, filed under the heading above it (H3 inside an H2, else the H2), with the legend's
/// emojis read from before or after the dash. Tolerates what the lists really contain: bold links, badge images
/// after the link, <c>&lt;img&gt;</c> and <c>&lt;sup&gt;</c> around it, no dash, emojis after the dash, stray
/// parentheses, <c>.git</c> and <c>#readme</c> tails, non-GitHub hosts, repeats across categories. Table-of-contents
/// links (<c>#anchor</c>) are not entries; other schemes (<c>javascript:</c>, <c>mailto:</c>) are reported.
/// </summary>
public static partial class AwesomeListParser
{
    /// <summary>H2 sections that list no servers.</summary>
    private static readonly string[] Skipped =
        ["framework", "client", "tip", "star history", "legend", "content", "table of contents", "contribut", "license", "tutorial", "resource", "sponsor", "faq", "what is"];

    private static readonly string[] RepoHosts = ["github.com", "gitlab.com", "codeberg.org", "bitbucket.org"];

    [GeneratedRegex("""(?:name|id)\s*=\s*["']([^"']{1,100})["']""")]
    private static partial Regex AnchorAttribute();

    public static (IReadOnlyList<AwesomeEntry> Entries, IReadOnlyList<SourceError> Errors) Parse(string markdown, string where, int maxEntries = 20_000)
    {
        var doc = Markdown.Parse(markdown);
        var entries = new List<AwesomeEntry>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<SourceError>();
        string? h2 = null, h3 = null, anchor = null;
        var skipping = false;
        foreach (var block in doc)
        {
            if (block is HeadingBlock heading)
            {
                var (text, id) = Heading(heading);
                if (heading.Level <= 2)
                {
                    h2 = heading.Level == 2 ? text : null;
                    h3 = null;
                    anchor = id;
                    skipping = heading.Level == 2 && Skipped.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase));
                }
                else if (heading.Level == 3)
                {
                    (h3, anchor) = (text, id);
                }
                continue;
            }
            if (skipping || block is not ListBlock list) continue;
            foreach (var item in list.Descendants<ListItemBlock>())
            {
                if (item.FirstOrDefault() is not ParagraphBlock { Inline: { } inline }) continue;
                var place = $"{where}:{item.Line + 1}";
                var (entry, error) = Entry(inline, h3 ?? h2, anchor, item.Line + 1);
                if (error is not null) errors.Add(new SourceError(place, error));
                if (entry is null) continue;
                if (byKey.TryGetValue(entry.Key, out var at))
                {
                    var first = entries[at];
                    if (entry.Categories.Count > 0 && !first.Categories.Contains(entry.Categories[0]))
                        entries[at] = first with { Categories = [.. first.Categories, entry.Categories[0]] };
                    continue;
                }
                if (entries.Count >= maxEntries)
                {
                    errors.Add(new SourceError(place, $"stopped after {maxEntries} entries"));
                    return (entries, errors);
                }
                byKey[entry.Key] = entries.Count;
                entries.Add(entry);
            }
        }
        return (entries, errors);
    }

    private static (AwesomeEntry? Entry, string? Error) Entry(ContainerInline inline, string? category, string? anchor, int line)
    {
        var main = inline.Descendants<LinkInline>().FirstOrDefault(l => !l.IsImage && !IsBadge(l));
        if (main?.Url is not { Length: > 0 } rawUrl) return (null, null);
        var url = rawUrl.Trim();
        if (url.StartsWith('#') || !url.Contains(':', StringComparison.Ordinal)) return (null, null); // table of contents, relative link
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return (null, $"link '{Cut(url, 60)}' is not an http(s) URL; entry skipped");

        var (before, after) = Split(Text(inline, main));
        var rest = after.TrimStart(')', ']', ' ', '\t');
        var zone = new StringBuilder(before);
        string description;
        var dash = Dash(rest);
        if (dash.Index >= 0 && rest[..dash.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(AwesomeEmoji.IsEmojiToken))
        {
            zone.Append(' ').Append(rest[..dash.Index]);
            description = rest[(dash.Index + dash.Length)..];
        }
        else description = rest;
        description = PeelEmojis(description.Trim(), zone);
        description = PeelDash(description);
        description = PeelEmojis(description, zone);

        var marks = AwesomeEmoji.Read(zone.ToString()).ToList();
        List<string> Of(AwesomeEmoji.Kind k) => marks.Where(m => m.Kind == k).Select(m => m.Value).Distinct().ToList();
        var repo = RepoHosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase))
            || uri.Host.StartsWith("gitlab.", StringComparison.OrdinalIgnoreCase) ? RepoUrl.Normalise(url) : null;
        var sub = repo is null ? null : RepoUrl.Subfolder(url)?.Trim('/');
        var key = repo is null ? (uri.Host + uri.AbsolutePath).TrimEnd('/') : repo["https://".Length..] + (sub is null ? "" : "/" + sub);
        var name = Collapse(Plain(main)).Trim().TrimEnd(')', ']').Trim();
        return (new AwesomeEntry(key, Cut(name.Length == 0 ? key : name, 200), uri.AbsoluteUri, repo, sub,
            category is null ? [] : [category], anchor, Of(AwesomeEmoji.Kind.Language), Of(AwesomeEmoji.Kind.Scope), Of(AwesomeEmoji.Kind.Platform),
            marks.Any(m => m.Kind == AwesomeEmoji.Kind.Official), description.Length == 0 ? null : Cut(description, 1000), line), null);
    }

    /// <summary>The item as text, the main link replaced by a NUL so what comes before and after it can be told apart.</summary>
    private static string Text(ContainerInline inline, LinkInline main)
    {
        var sb = new StringBuilder();
        var sup = 0;
        foreach (var leaf in Leaves(inline))
        {
            switch (leaf)
            {
                case HtmlInline html:
                    // <sup>1</sup> footnote marks (appcypher's list) are not text.
                    if (html.Tag.StartsWith("<sup", StringComparison.OrdinalIgnoreCase)) sup++;
                    else if (html.Tag.StartsWith("</sup", StringComparison.OrdinalIgnoreCase)) sup = Math.Max(0, sup - 1);
                    break;
                case LinkInline link when link == main: sb.Append('\0'); break;
                case var _ when sup > 0: break;
                default: sb.Append(Plain(leaf)); break;
            }
        }
        return Collapse(sb.ToString());
    }

    /// <summary>Leaves in reading order; links are leaves (their text is read whole).</summary>
    private static IEnumerable<Inline> Leaves(ContainerInline container)
    {
        foreach (var child in container)
        {
            if (child is ContainerInline c and not LinkInline)
            {
                foreach (var leaf in Leaves(c)) yield return leaf;
            }
            else yield return child;
        }
    }

    private static string Plain(Inline inline) => inline switch
    {
        LinkInline { IsImage: true } => "",
        LinkInline link when IsBadge(link) => "",
        LiteralInline lit => lit.Content.ToString(),
        CodeInline code => code.Content,
        AutolinkInline auto => auto.Url,
        HtmlEntityInline entity => entity.Transcoded.ToString(),
        LineBreakInline => " ",
        HtmlInline => "",
        ContainerInline c => string.Concat(c.Select(Plain)),
        _ => "",
    };

    /// <summary>A link around an image (a Glama score badge), not the server's link.</summary>
    private static bool IsBadge(LinkInline link) => link.FirstChild is LinkInline { IsImage: true };


    private static (string Before, string After) Split(string text) =>
        text.IndexOf('\0', StringComparison.Ordinal) is var at and >= 0 ? (text[..at], text[(at + 1)..]) : ("", text);

    private static (int Index, int Length) Dash(string s)
    {
        foreach (var d in new[] { " - ", " – ", " — " })
        {
            if (s.IndexOf(d, StringComparison.Ordinal) is var i and >= 0) return (i, d.Length);
        }
        return s.Length > 1 && s[0] is '-' or '–' or '—' && s[1] == ' ' ? (0, 2) : (-1, 0);
    }

    private static string PeelDash(string s) => s.Length > 0 && s[0] is '-' or '–' or '—' ? s[1..].TrimStart() : s;

    /// <summary>Moves leading emoji tokens (<c>🐍 ☁️ desc</c>, <c>🏠☁️</c>) into the emoji zone.</summary>
    private static string PeelEmojis(string s, StringBuilder zone)
    {
        var tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = tokens.TakeWhile(AwesomeEmoji.IsEmojiToken).Count();
        if (n == 0) return s;
        zone.Append(' ').Append(string.Join(' ', tokens[..n]));
        return string.Join(' ', tokens[n..]);
    }

    private static (string Text, string? Anchor) Heading(HeadingBlock heading)
    {
        string? anchor = null;
        var sb = new StringBuilder();
        foreach (var leaf in heading.Inline is { } inline ? Leaves(inline) : [])
        {
            if (leaf is HtmlInline html) anchor ??= AnchorAttribute().Match(html.Tag) is { Success: true } m ? m.Groups[1].Value : null;
            else sb.Append(Plain(leaf));
        }
        var text = Collapse(sb.ToString());
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text, start)) start++;
        return (text[start..], anchor);
    }

    private static string Collapse(string s) => string.Join(' ', s.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
