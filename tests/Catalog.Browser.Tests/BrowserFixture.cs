using Catalog.Site.Preview;
using Catalog.Site.Tests.Fixture;
using Microsoft.Playwright;

namespace Catalog.Browser.Tests;

/// <summary>
/// The fixture catalog's site, served from a loopback HTTP server on a free port, and Debian's Chromium driven by
/// Playwright (never a downloaded browser).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private CatalogFixture? _catalog;
    private PreviewServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string Url => _server!.Url;

    public string Site => _catalog!.Site;

    public async Task InitializeAsync()
    {
        _catalog = new CatalogFixture();
        _server = new PreviewServer(_catalog.Site);
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium (./test.sh does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            Headless = true,
        });
    }

    /// <summary>A fresh page; console errors and uncaught exceptions are collected into <paramref name="errors"/>.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> Open(List<string> errors, bool javaScript = true, bool clipboard = false)
    {
        var context = await Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, BaseURL = Url });
        if (clipboard) await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Url.TrimEnd('/') });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
        page.PageError += (_, e) => errors.Add($"{page.Url}: {e}");
        return (context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        _catalog?.Dispose();
    }
}
