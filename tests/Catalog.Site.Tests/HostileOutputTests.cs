using System.Text.Json;
using System.Xml.Linq;
using Catalog.Site.Tests.Fixture;

namespace Catalog.Site.Tests;

/// <summary>Hostile tool text stays inert in every output format: HTML, JSON in pages, the search index, the feed, the sitemap.</summary>
public sealed class HostileOutputTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static readonly string[] Hidden = ["\u202E", "\u200B", "\u0001", "\U000E0069"];

    [Fact]
    public void Html_pages_show_hidden_and_direction_characters_as_visible_code_points()
    {
        foreach (var file in fixture.AllFiles("*.html"))
        {
            var html = File.ReadAllText(file);
            foreach (var h in Hidden) Assert.DoesNotContain(h, html, StringComparison.Ordinal);
        }
        var tools = string.Join("\n", fixture.AllFiles("*.html").Where(f => f.Contains("/tools/evil-", StringComparison.Ordinal)).Select(File.ReadAllText));
        Assert.Contains("⟨U+202E⟩", tools, StringComparison.Ordinal);
        Assert.Contains("⟨U+E0069⟩", tools, StringComparison.Ordinal);
    }

    [Fact]
    public void The_atom_feed_is_well_formed_xml_and_carries_hostile_names_as_text()
    {
        var text = fixture.Read("changes.atom");
        var feed = XDocument.Parse(text);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.Contains(Hostile.Script, StringComparison.Ordinal));
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.All(feed.Descendants(atom + "link"), l => Assert.False(l.Attribute("href")!.Value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)));
        foreach (var h in Hidden) Assert.DoesNotContain(h, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sitemap_is_well_formed_and_lists_only_site_paths()
    {
        var map = XDocument.Parse(fixture.Read("sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = map.Descendants(sm + "loc").Select(l => l.Value).ToList();
        Assert.NotEmpty(locs);
        Assert.All(locs, l => Assert.Matches("^[a-z0-9._/-]+\\.html$", l));
        Assert.All(locs, l => Assert.True(File.Exists(Path.Combine(fixture.Site, l)), l));
    }

    [Fact]
    public void The_search_index_escapes_markup_and_keeps_the_text()
    {
        var files = fixture.AllFiles("*.json").Where(f => f.Contains("/api/search/", StringComparison.Ordinal)).ToList();
        Assert.Contains(files, f => f.EndsWith("/docs/0.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var raw = File.ReadAllText(file);
            Assert.DoesNotContain("<", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(">", raw, StringComparison.Ordinal);
            Assert.All(raw, c => Assert.True(c < 128, file));
        }
        using var docs = JsonDocument.Parse(fixture.Read("api/search/docs/0.json"));
        var names = docs.RootElement.EnumerateArray().Select(t => t[1].GetString()).ToList();
        Assert.Contains(Hostile.Script, names);
        Assert.Contains(Hostile.UnicodeTricks, names);
        // Slugs go into URLs built by site.js: they must be plain path segments.
        Assert.All(docs.RootElement.EnumerateArray(), t => Assert.Matches("^[a-z0-9._-]+$", t[2].GetString()!));
        using var meta = JsonDocument.Parse(fixture.Read("api/search/meta.json"));
        Assert.All(meta.RootElement.GetProperty("servers").EnumerateArray(), s => Assert.Matches("^[a-z0-9._-]+$", s[0].GetString()!));
        // Shard keys become file names in URLs too.
        Assert.All(meta.RootElement.GetProperty("shards").EnumerateArray(), k => Assert.Matches("^[a-z0-9]{2,32}$", k.GetString()!));
    }

    [Fact]
    public void Json_shown_inside_pages_is_encoded()
    {
        var page = fixture.Read("tools/evil-script-alert-1-script/script-alert-1-script.html");
        var policy = page[page.IndexOf("id=\"policy-json\"", StringComparison.Ordinal)..];
        policy = policy[..policy.IndexOf("</code>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script", policy, StringComparison.OrdinalIgnoreCase);
        Assert.True(policy.Contains("&lt;script&gt;", StringComparison.Ordinal) || policy.Contains("\\u003Cscript\\u003E", StringComparison.Ordinal), policy);
    }

    [Fact]
    public void Svg_charts_and_the_changes_page_encode_names()
    {
        foreach (var path in new[] { "stats.html", "changes.html", "index.html" })
        {
            var html = fixture.Read(path);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain(Hostile.AttributeBreak, html, StringComparison.Ordinal);
        }
        Assert.Contains(Hostile.Script, SiteText.Visible(fixture.Read("changes.html")), StringComparison.Ordinal);
    }
}
