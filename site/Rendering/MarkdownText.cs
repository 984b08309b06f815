using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Catalog.Site.Rendering;

/// <summary>
/// Renders crawled Markdown (tool descriptions) with Markdig: raw HTML disabled, only absolute http(s) links kept
/// (as rel="nofollow noopener noreferrer ugc"), images shown as their alt text, headings pushed below the page's own.
/// </summary>
public static class MarkdownText
{
    /// <summary>Descriptions longer than this are cut before parsing; nobody reads past it and it bounds the work.</summary>
    public const int MaxLength = 20_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static Markup Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return Markup.Empty;
        var document = Markdown.Parse(Html.Truncate(markdown, MaxLength), Pipeline);
        Sanitize(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Html.Trusted(Html.Reveal(writer.ToString()));
    }

    /// <summary>The text of the Markdown without its markup (for quoting a description inside a sentence).</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(Html.Truncate(markdown, MaxLength), Pipeline);

    private static void Sanitize(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 3);
        }

        // Materialise first: the tree is edited while walking it.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = Html.SafeExternalUrl(link.GetDynamicUrl?.Invoke() ?? link.Url);
            if (link.IsImage || url is null)
            {
                Unwrap(link);
                continue;
            }
            link.Url = url;
            link.GetDynamicUrl = null;
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer ugc");
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? null : Html.SafeExternalUrl(autolink.Url);
            if (url is null)
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
                continue;
            }
            autolink.Url = url;
            autolink.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer ugc");
        }
    }

    /// <summary>Replaces a link (or image) by its children, so its text stays and its URL goes.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
