using System.Text.RegularExpressions;
using Catalog.Site.Tests.Fixture;
using Microsoft.Playwright;

namespace Catalog.Browser.Tests;

public sealed partial class BrowserTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    private const string WriteFile = "tools/io.github.acme-files/write_file.html";

    [Fact]
    public async Task Search_finds_a_tool_as_you_type()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors);
        await page.GotoAsync("tools.html");
        await page.Locator("#search").WaitForAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("indexed");
        await page.Locator("#q").PressSequentiallyAsync("send_em", new() { Delay = 30 });
        var rows = page.Locator("#tools-body tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("send_email");
        // The server-rendered range and pager describe the unfiltered list, so they go while a query is shown (the
        // fixture has one page, so the pager is added here, as a longer list renders it).
        await Expect(page.Locator("#range")).ToBeHiddenAsync();
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<nav class=\"pager\" id=\"test-pager\" hidden>1 2</nav>')");
        await Expect(page.Locator("#test-pager")).ToBeHiddenAsync();
        await page.Locator("#q").FillAsync("");
        await page.Locator("#q").PressSequentiallyAsync("alert", new() { Delay = 30 });
        await Expect(page.Locator("#tools-body tr").First).ToContainTextAsync(Hostile.Script);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__pwned ? 1 : 0"));
        await context.CloseAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_query_fetches_only_the_shards_of_its_words_and_the_doc_chunk_it_shows()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors);
        var fetched = new List<string>();
        page.Request += (_, r) =>
        {
            var path = new Uri(r.Url).AbsolutePath;
            var at = path.IndexOf("/api/search/", StringComparison.Ordinal);
            if (at >= 0) lock (fetched) fetched.Add(path[(at + "/api/search/".Length)..]);
        };
        await page.GotoAsync("tools.html");
        await Expect(page.Locator("#status")).ToContainTextAsync("indexed");
        await page.Locator("#q").FillAsync("write fi");
        await Expect(page.Locator("#status")).ToHaveTextAsync("1 tool matches.");
        await Expect(page.Locator("#tools-body tr").First).ToContainTextAsync("write_file");
        lock (fetched) Assert.Equal(["docs/1.json", "meta.json", "terms/fi.json", "terms/wr.json"], fetched.Order(StringComparer.Ordinal));
        await context.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_one_letter_query_asks_for_another_and_keeps_the_list()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors);
        await page.GotoAsync("tools.html?q=w");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Type at least two letters or digits to search.");
        Assert.True(await page.Locator("#tools-body tr").CountAsync() >= CatalogFixture.ToolCount);
        await page.Locator("#q").FillAsync("wr");
        await Expect(page.Locator("#tools-body tr")).ToHaveCountAsync(1);
        await context.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_server_filter_and_every_sort_order_the_list()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors);
        await page.GotoAsync("tools.html");
        await Expect(page.Locator("#status")).ToContainTextAsync("indexed");
        await page.Locator("#f-server").SelectOptionAsync(new SelectOptionValue { Label = "Acme Files" });
        await Expect(page.Locator("#status")).ToHaveTextAsync("7 tools match.");
        var rows = page.Locator("#tools-body tr");
        await page.Locator("#f-sort").SelectOptionAsync("risk");
        await Expect(rows.First.Locator(".badge.risk-critical")).ToHaveCountAsync(1);
        await page.Locator("#f-sort").SelectOptionAsync("findings");
        await Expect(rows.First).ToContainTextAsync("write_file");
        await page.Locator("#f-sort").SelectOptionAsync("name");
        await Expect(rows.First).ToContainTextAsync("Foo");
        await Expect(rows.Last).ToContainTextAsync("write_file");
        await page.Locator("#f-findings").SelectOptionAsync("0");
        await Expect(page.Locator("#status")).ToHaveTextAsync("6 tools match.");
        await context.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_shard_that_fails_to_load_says_search_is_unavailable()
    {
        var (context, page) = await site.Open([]);
        await page.RouteAsync("**/api/search/terms/**", route => route.AbortAsync());
        await page.GotoAsync("tools.html");
        await Expect(page.Locator("#status")).ToContainTextAsync("indexed");
        await page.Locator("#q").FillAsync("write");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Search is unavailable here; use the lists below.");
        Assert.True(await page.Locator("#tools-body tr").CountAsync() >= CatalogFixture.ToolCount);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Filters_narrow_the_list()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors);
        await page.GotoAsync("tools.html");
        await Expect(page.Locator("#status")).ToContainTextAsync("indexed");
        var all = await page.Locator("#tools-body tr").CountAsync();
        await page.Locator("#f-category").SelectOptionAsync("2"); // Destructive
        await Expect(page.Locator("#status")).ToContainTextAsync("match");
        var destructive = page.Locator("#tools-body tr");
        var n = await destructive.CountAsync();
        Assert.InRange(n, 1, all - 1);
        for (var i = 0; i < n; i++) await Expect(destructive.Nth(i).Locator(".badge.cat-destructive")).ToHaveCountAsync(1);
        await page.Locator("#f-findings").SelectOptionAsync("1");
        await Expect(page.Locator("#tools-body tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#tools-body tr").First).ToContainTextAsync("write_file");
        await context.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Copy_puts_the_policy_on_the_clipboard()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors, clipboard: true);
        await page.GotoAsync(WriteFile);
        var button = page.Locator("button.copy[data-copy='policy-json']");
        await Expect(button).ToBeVisibleAsync();
        await button.ClickAsync();
        await Expect(button).ToHaveTextAsync("Copied");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        var shown = await page.Locator("#policy-json").TextContentAsync();
        Assert.Equal(shown, clipboard);
        Assert.Contains("\"write_file\"", clipboard, StringComparison.Ordinal);
        await context.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Download_saves_the_policy_the_page_shows_even_without_javascript()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors, javaScript: false);
        await page.GotoAsync(WriteFile);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#policy .codebar a[download]").First.ClickAsync());
        Assert.Equal("write_file.policy.json", download.SuggestedFilename);
        var saved = await File.ReadAllTextAsync(await download.PathAsync());
        var shown = await page.Locator("#policy-json").TextContentAsync();
        Assert.Equal(shown + "\n", saved);
        await context.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Pages_log_no_console_errors()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors);
        foreach (var path in new[] { "index.html", "tools.html", "stats.html", "changes.html", "methodology.html", WriteFile, "servers/io.github.acme-files.html",
                     "tools/evil-script-alert-1-script/script-alert-1-script.html", "servers/evil-script-alert-1-script.html", "browse/risk-high.html", "no-such-page.html" })
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await context.CloseAsync();
        // The one expected error is the 404 status of the missing page itself.
        Assert.DoesNotContain(errors, e => !e.Contains("no-such-page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_internal_link_resolves()
    {
        using var http = new HttpClient { BaseAddress = new Uri(site.Url) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { "index.html" };
        var queue = new Queue<string>(["index.html", "404.html", "tools.html"]);
        var broken = new List<string>();
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var response = await http.GetAsync(path);
            if (!response.IsSuccessStatusCode) { broken.Add($"{path}: {(int)response.StatusCode}"); continue; }
            if (!path.EndsWith(".html", StringComparison.Ordinal)) continue;
            var html = await response.Content.ReadAsStringAsync();
            foreach (var link in SiteText.Links(html))
            {
                if (SiteText.IsExternalOrFragment(link)) continue;
                var target = new Uri(new Uri(http.BaseAddress, path), link.Split('#')[0]);
                var relative = target.AbsolutePath.TrimStart('/');
                if (relative.Length == 0) relative = "index.html";
                if (seen.Add(relative)) queue.Enqueue(relative);
            }
        }
        Assert.Empty(broken);
        Assert.True(seen.Count > 30, $"only {seen.Count} pages reached");
    }

    [Fact]
    public async Task The_site_works_with_javascript_off()
    {
        var errors = new List<string>();
        var (context, page) = await site.Open(errors, javaScript: false);
        await page.GotoAsync("tools.html");
        Assert.True(await page.Locator("#search").IsHiddenAsync());
        Assert.True(await page.Locator("#tools-body tr").CountAsync() >= CatalogFixture.ToolCount);
        await page.Locator("nav.filters a", new() { HasText = "Destructive" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("browse/category-destructive\\.html$"));
        await Expect(page.Locator("#tools-body tr").First).ToContainTextAsync("manage_items");
        await page.Locator("#tools-body a", new() { HasText = "write_file" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("write_file");
        await Expect(page.Locator("#policy-json")).ToContainTextAsync("\"write_file\"");
        // Without JavaScript nothing could copy, so no copy button shows; the other formats are still there to open.
        var buttons = page.Locator("button.copy");
        Assert.True(await buttons.CountAsync() > 1);
        for (var i = 0; i < await buttons.CountAsync(); i++) Assert.True(await buttons.Nth(i).IsHiddenAsync());
        await page.Locator("details.format summary", new() { HasText = "Claude Code" }).ClickAsync();
        await Expect(page.Locator("#policy-claude-code")).ToContainTextAsync("mcp__fixture__write_file");
        await context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
