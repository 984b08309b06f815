using System.Text;
using Catalog.Site.Output;
using Catalog.Site.Rendering;

namespace Catalog.Site.Pages;

/// <summary>404.html, robots.txt and sitemap.xml.</summary>
public static class SupportFiles
{
    public static string NotFound(SiteOptions options)
    {
        // Served for any missing path, so its links cannot be relative to its own location.
        var root = options.NormalizedBaseUrl ?? "/";
        var body = Html.Of($"""
            <h1>Page not found</h1>
            <p>There is no page at this address. Tools and servers are renamed when their servers rename them.</p>
            <p><a href="{root}{SitePaths.Index}">All servers</a> · <a href="{root}{SitePaths.Tools}">All tools</a></p>
            """);
        return Layout.Page(SitePaths.NotFound, "Page not found", "Page not found.", body, options, root);
    }

    public static string Robots(SiteOptions options)
    {
        var sb = new StringBuilder("User-agent: *\nAllow: /\n");
        sb.Append("Sitemap: ").Append(options.NormalizedBaseUrl ?? "/").Append("sitemap.xml\n");
        return sb.ToString();
    }

    public static string Sitemap(IEnumerable<string> pagePaths, SiteOptions options)
    {
        var root = options.NormalizedBaseUrl ?? "";
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in pagePaths.Order(StringComparer.Ordinal))
            sb.Append("<url><loc>").Append(Html.Encode(root + path)).Append("</loc></url>\n");
        return sb.Append("</urlset>\n").ToString();
    }
}
