using Catalog.Site.Output;
using Catalog.Site.Policy;
using Catalog.Site.Rendering;

namespace Catalog.Site.Pages;

/// <summary>The frame every page shares. Links are relative to the page, so the site works from any folder or file://.</summary>
public static class Layout
{
    public const string SiteName = "MCP tool risk catalog";

    /// <param name="path">The page's own path from the site root; it decides how links climb back to the root.</param>
    /// <param name="root">Override for the root prefix (the 404 page, served from any depth, uses "/" or the base URL).</param>
    /// <returns>The page as unjoined parts (head, body, foot): the writer encodes them straight into the file, so the
    /// whole page never exists as one string.</returns>
    public static Markup Page(string path, string title, string summary, Markup body, SiteOptions options, string? root = null)
    {
        root ??= SitePaths.RootFrom(path);
        var canonical = options.BaseUrl is { } b ? Html.Of($"\n<link rel=\"canonical\" href=\"{b + path}\">") : Markup.Empty;
        var head = Html.Of($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'">
            <meta name="referrer" content="no-referrer">
            <title>{title} · {SiteName}</title>
            <meta name="description" content="{Html.Truncate(summary, 300)}">{canonical}
            <link rel="icon" href="{root}{SitePaths.Icon}" type="image/svg+xml">
            <link rel="stylesheet" href="{root}{SitePaths.Css}">
            <link rel="alternate" type="application/atom+xml" title="Recent changes" href="{root}{SitePaths.ChangesFeed}">
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="site-header">
            <a class="brand" href="{root}{SitePaths.Index}">{SiteName}</a>
            <nav aria-label="Site">
            <a href="{root}{SitePaths.Index}">Servers</a>
            <a href="{root}{SitePaths.Tools}">Tools</a>
            <a href="{root}{SitePaths.Stats}">Stats</a>
            <a href="{root}{SitePaths.Changes}">Changes</a>
            <a href="{root}{SitePaths.Methodology}">Methodology</a>
            <a href="{root}{SitePaths.ApiIndex}">API</a>
            </nav>
            <form class="quick" role="search" action="{root}{SitePaths.Tools}" method="get"><label class="visually-hidden" for="site-q">Search tools</label><input type="search" id="site-q" name="q" placeholder="Search tools" autocomplete="off"></form>
            </header>
            <main id="main">

            """);
        var foot = Html.Of($"""

            </main>
            <footer class="site-footer">
            <p>Generated from the catalog store. Classes follow one published table (see <a href="{root}{SitePaths.Methodology}">Methodology</a>). Tool definitions are quoted as the servers declare them and may be wrong or hostile.</p>
            </footer>
            <script src="{root}{SitePaths.Js}" defer></script>
            </body>
            </html>

            """);
        return Markup.Concat([head, body, foot]);
    }

    /// <summary>A badge for a category or class; the CSS class comes from a closed enum, never from crawled text.</summary>
    public static Markup Badge(string kind, string value) =>
        Html.Of($"<span class=\"badge {kind}-{value.ToLowerInvariant()}\">{value}</span>");

    /// <summary>A JSON block with a copy button (shown by site.js) and a download link.</summary>
    public static Markup JsonBlock(string id, string json, string downloadHref, string downloadName) => Html.Of($"""
        <div class="codeblock">
        <div class="codebar"><span>{downloadName}</span><span class="actions"><button type="button" class="copy" data-copy="{id}" hidden>Copy</button> <a href="{downloadHref}" download="{downloadName}">Download</a></span></div>
        <pre><code id="{id}">{json}</code></pre>
        </div>
        """);

    /// <summary>
    /// A download link that carries the file itself (<c>data:</c>, percent-encoded, with a non-executable media type),
    /// for a tool's policies: the page already holds their text, and a file per tool and format would be most of the
    /// files of the site. Only ever used on an <c>&lt;a download&gt;</c>.
    /// </summary>
    public static string DownloadUrl(string content, string extension)
    {
        var type = extension switch
        {
            "json" => "application/json",
            "yaml" => "application/yaml",
            "toml" => "application/toml",
            _ => "text/plain",
        };
        return $"data:{type};charset=utf-8,{Uri.EscapeDataString(content)}";
    }

    /// <summary>
    /// The same recommendation in every other gateway's format, one collapsed block each with copy and download;
    /// <paramref name="href"/> (given the format and its text) and <paramref name="file"/> give a format's download
    /// link and file name.
    /// </summary>
    public static Markup OtherFormats(IReadOnlyList<(GatewayFormats.Format Format, string Content)> formats, Func<GatewayFormats.Format, string, string> href, Func<GatewayFormats.Format, string> file)
    {
        if (formats.Count == 0) return Markup.Empty;
        var blocks = formats.Select(f =>
        {
            var block = JsonBlock($"policy-{f.Format.Name}", f.Content, href(f.Format, f.Content), file(f.Format));
            return Html.Of($"<details class=\"format\"><summary>{f.Format.Label}</summary>\n{block}</details>");
        });
        return Html.Of($"""
            <h3>The same rule for other gateways and clients</h3>
            <p>Exported from the same recommendation by <code>catalog export</code>. Where a format cannot say something (an approval, a rate limit, an argument condition), the file uses the stricter rule it can say and a comment names the fallback.</p>
            {Html.Join(blocks, "\n")}
            """);
    }
}
