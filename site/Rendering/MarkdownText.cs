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
        return Html.Trusted(Html.Reveal(Renderers.Current.Html(document)));
    }

    /// <summary>The text of the Markdown without its markup (for quoting a description inside a sentence).</summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var renderers = Renderers.Current;
        // A page quotes its description in several places; it is parsed once.
        if (ReferenceEquals(markdown, renderers.LastMarkdown)) return renderers.LastPlainText!;
        var plain = renderers.PlainText(Markdown.Parse(Html.Truncate(markdown, MaxLength), Pipeline));
        (renderers.LastMarkdown, renderers.LastPlainText) = (markdown, plain);
        return plain;
    }

    /// <summary>
    /// One HTML and one plain-text renderer per thread, reused for every document: building a Markdig renderer
    /// (its table of object renderers) cost more than rendering a typical description.
    /// </summary>
    private sealed class Renderers
    {
        [ThreadStatic]
        private static Renderers? t_current;

        private readonly StringWriter _writer = new();
        private readonly ReusableRenderer _html;
        private readonly ReusableRenderer _plain;

        private Renderers()
        {
            _html = new ReusableRenderer(_writer);
            Pipeline.Setup(_html);
            // The settings Markdig's own Markdown.ToPlainText uses.
            _plain = new ReusableRenderer(_writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
            Pipeline.Setup(_plain);
        }

        public static Renderers Current => t_current ??= new Renderers();

        public string? LastMarkdown { get; set; }

        public string? LastPlainText { get; set; }

        public string Html(MarkdownDocument document) => Run(_html, document);

        public string PlainText(MarkdownDocument document) => Run(_plain, document);

        private string Run(ReusableRenderer renderer, MarkdownDocument document)
        {
            var buffer = _writer.GetStringBuilder();
            try
            {
                renderer.Clear();
                renderer.Render(document);
                _writer.Flush();
                return buffer.ToString();
            }
            finally
            {
                buffer.Clear();
                if (buffer.Capacity > 64 * 1024) buffer.Capacity = 1024; // one huge description does not stay pinned to the thread
            }
        }
    }

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

    private sealed class ReusableRenderer(TextWriter writer) : HtmlRenderer(writer)
    {
        /// <summary>Empties the writer and forgets the indents and line state the last document left.</summary>
        public void Clear() => Reset();
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
