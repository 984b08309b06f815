using System.Text.RegularExpressions;
using Catalog.Site.Tests.Fixture;

namespace Catalog.Site.Tests;

public sealed partial class SafetyTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public void No_output_file_contains_an_injected_script_tag()
    {
        foreach (var file in fixture.AllFiles())
            Assert.DoesNotContain("<script>alert", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_output_file_contains_an_injected_img_tag()
    {
        foreach (var file in fixture.AllFiles())
            Assert.DoesNotContain("<img src=x", File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_html_attribute_is_broken_out_of()
    {
        foreach (var file in fixture.AllFiles("*.html"))
        {
            var html = File.ReadAllText(file);
            Assert.DoesNotContain(Hostile.AttributeBreak, html, StringComparison.Ordinal);
            Assert.DoesNotMatch(EventHandlerAttribute(), html);
        }
    }

    [Fact]
    public void No_link_uses_a_javascript_url_or_a_data_url_that_could_render()
    {
        foreach (var file in fixture.AllFiles("*.html"))
        {
            var html = File.ReadAllText(file);
            foreach (var link in SiteText.Links(html))
            {
                var trimmed = link.Trim();
                Assert.False(trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{file}: {link}");
                if (!trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) continue;
                // The only data: links are policy downloads: a file type a browser does not run, percent-encoded
                // whole (no quote, angle bracket or space survives), on a link that downloads.
                Assert.Matches("^data:(application/json|application/yaml|application/toml|text/plain);charset=utf-8,[A-Za-z0-9%._~-]*$", trimmed);
                Assert.Contains($"href=\"{link}\" download=\"", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_only_scripts_are_the_site_script()
    {
        foreach (var file in fixture.AllFiles("*.html"))
        {
            var scripts = ScriptTag().Matches(File.ReadAllText(file)).Select(m => m.Value).ToList();
            Assert.All(scripts, s => Assert.Matches("""^<script src="(\.\./)*assets/site\.js" defer>$|^<script src="/assets/site\.js" defer>$""", s));
        }
    }

    [Fact]
    public void Hostile_strings_are_shown_as_text()
    {
        var text = SiteText.Visible(fixture.Read("tools/evil-script-alert-1-script/script-alert-1-script.html"));
        Assert.Contains(Hostile.Script, text, StringComparison.Ordinal);
        Assert.Contains(Hostile.AttributeBreak, text, StringComparison.Ordinal);
        Assert.Contains("click me", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_internal_link_resolves_to_a_generated_file()
    {
        var missing = new List<string>();
        foreach (var file in fixture.AllFiles("*.html"))
        {
            foreach (var link in SiteText.Links(File.ReadAllText(file)))
            {
                if (SiteText.IsExternalOrFragment(link)) continue;
                var path = link.Split('#', '?')[0];
                if (path.Length == 0) continue;
                var target = path.StartsWith('/')
                    ? Path.Combine(fixture.Site, path.TrimStart('/'))
                    : Path.Combine(Path.GetDirectoryName(file)!, path);
                var full = Path.GetFullPath(target);
                if (!full.StartsWith(fixture.Site, StringComparison.Ordinal) || !File.Exists(full))
                    missing.Add($"{Path.GetRelativePath(fixture.Site, file)} -> {link}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_file_stays_inside_the_output_folder_with_a_safe_name()
    {
        foreach (var file in fixture.AllFiles())
        {
            var relative = Path.GetRelativePath(fixture.Site, file);
            Assert.DoesNotContain("..", relative, StringComparison.Ordinal);
            Assert.Matches("^[a-z0-9._/-]+$", relative.Replace(Path.DirectorySeparatorChar, '/'));
        }
    }

    /// <summary>An <c>on…=</c> attribute in a tag, walking over well-formed attributes (all of ours are double-quoted).</summary>
    [GeneratedRegex("""<[a-z][a-z0-9]*(?:\s+[a-z_:][-a-z0-9_:.]*(?:\s*=\s*"[^"]*")?)*\s+on[a-z]+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
