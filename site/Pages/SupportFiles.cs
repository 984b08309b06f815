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
        return Layout.Page(SitePaths.NotFound, "Page not found", "Page not found.", body, options, root).Value;
    }

    public static string Robots(SiteOptions options)
    {
        var sb = new StringBuilder("User-agent: *\nAllow: /\n");
        sb.Append("Sitemap: ").Append(options.NormalizedBaseUrl ?? "/").Append("sitemap.xml\n");
        return sb.ToString();
    }

    public const int SitemapLimit = 50_000;

    /// <summary>
    /// sitemap.xml from the run's page list (one path per line): a single urlset up to the protocol's 50,000 URLs,
    /// else a sitemap index over sitemap-N.xml files of 50,000 each. Read from disk, never held whole in memory.
    /// </summary>
    public static void Sitemaps(SiteWriter writer, string pageList, SiteOptions options)
    {
        var root = options.NormalizedBaseUrl ?? "";
        var count = File.ReadLines(pageList).Count();
        if (count <= SitemapLimit)
        {
            writer.Write("sitemap.xml", Urlset(File.ReadLines(pageList), root));
            return;
        }
        var index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        var n = 0;
        foreach (var chunk in File.ReadLines(pageList).Chunk(SitemapLimit))
        {
            n++;
            var name = $"sitemap-{n}.xml";
            writer.Write(name, Urlset(chunk, root));
            index.Append("<sitemap><loc>").Append(Html.Xml(root + name)).Append("</loc></sitemap>\n");
        }
        writer.Write("sitemap.xml", index.Append("</sitemapindex>\n").ToString());
    }

    private static string Urlset(IEnumerable<string> paths, string root)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in paths)
            sb.Append("<url><loc>").Append(Html.Xml(root + path)).Append("</loc></url>\n");
        return sb.Append("</urlset>\n").ToString();
    }

    public static string Sitemap(IEnumerable<string> pagePaths, SiteOptions options) =>
        Urlset(pagePaths.Order(StringComparer.Ordinal), options.NormalizedBaseUrl ?? "");
}
