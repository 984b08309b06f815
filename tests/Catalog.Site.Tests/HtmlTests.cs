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

    [Fact]
    public void Reveal_shows_exactly_the_hidden_characters_of_the_whole_basic_plane()
    {
        static bool Hidden(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or >= '\u200B' and <= '\u200F'
            or '\u2060' or '\uFEFF' or '\u061C' or '\u00AD' || c < ' ' && c is not '\n' and not '\r' and not '\t';
        for (var c = '\0'; c < '\uFFFF'; c++)
        {
            if (char.IsSurrogate(c)) continue;
            var text = "ab" + c + "cd";
            var revealed = Html.Reveal(text);
            Assert.True(Hidden(c) == !ReferenceEquals(text, revealed), $"U+{(int)c:X4}");
            if (Hidden(c)) Assert.Equal($"ab⟨U+{(int)c:X4}⟩cd", revealed);
        }
    }

    [Theory]
    [InlineData(0xE0000, true)]
    [InlineData(0xE0041, true)]
    [InlineData(0xE007F, true)]
    [InlineData(0xE0080, false)]
    [InlineData(0x1F600, false)]
    public void Reveal_shows_unicode_tag_characters(int codePoint, bool hidden)
    {
        var text = "x" + char.ConvertFromUtf32(codePoint) + "y";
        Assert.Equal(hidden ? $"x⟨U+{codePoint:X4}⟩y" : text, Html.Reveal(text));
    }
}
