using Catalog.Site.Rendering;

namespace Catalog.Site.Tests;

public sealed class HtmlTests
{
    [Fact]
    public void Interpolated_strings_are_encoded_and_markup_is_not()
    {
        var inner = Html.Of($"<b>{"<i>"}</b>");
        var outer = Html.Of($"<p title=\"{"\" onerror=\"x"}\">{inner}</p>");
        Assert.Equal("<p title=\"&quot; onerror=&quot;x\"><b>&lt;i&gt;</b></p>", outer.Value);
    }

    [Theory]
    [InlineData("https://github.com/a/b", true)]
    [InlineData("http://example.com", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JAVASCRIPT:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("//evil.example/x", false)]
    [InlineData("/local", false)]
    [InlineData("ftp://example.com", false)]
    [InlineData(null, false)]
    public void Only_absolute_http_urls_may_become_links(string? url, bool allowed) =>
        Assert.Equal(allowed, Html.SafeExternalUrl(url) is not null);
}
