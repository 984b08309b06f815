using Catalog.Site.Rendering;
using Markdig;

namespace Catalog.Site.Tests;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x]( javascript:alert(1) )")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("![x](https://tracker.example/pixel.png)")]
    [InlineData("[x](/relative/path)")]
    public void Unsafe_or_local_links_and_images_become_text(string markdown)
    {
        var html = MarkdownText.Render(markdown).Value;
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = MarkdownText.Render("<script>alert(1)</script> <b onmouseover=x>hi</b>").Value;
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_link_is_kept_with_a_nofollow_rel()
    {
        var html = MarkdownText.Render("See [docs](https://example.com/a?b=1&c=2).").Value;
        Assert.Contains("<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer ugc\">docs</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_are_pushed_below_the_page_headings()
    {
        Assert.Contains("<h4", MarkdownText.Render("# Title").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_drops_the_markup() =>
        Assert.Equal("Write a file, replacing it.", MarkdownText.ToPlainText("Write a file, **replacing** it.").Trim());

    [Fact]
    public void A_reused_renderer_renders_each_document_as_Markdig_does_alone()
    {
        // The renderers are kept per thread: nothing one document leaves behind (an open list, a quote's indent,
        // a fenced block) may reach the next one.
        string[] documents =
        [
            "> quoted\n> - item one\n>   - nested",
            "```\ncode\n```",
            "1. first\n2. second\n\nafter",
            "plain **bold** text",
            "> quoted\n> - item one\n>   - nested",
        ];
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
        foreach (var markdown in documents)
        {
            Assert.Equal(Markdown.ToHtml(markdown, pipeline), MarkdownText.Render(markdown).Value);
            Assert.Equal(Markdown.ToPlainText(markdown, pipeline), MarkdownText.ToPlainText(markdown));
        }
    }
}
