using Catalog.Site.Tests.Fixture;

namespace Catalog.Site.Tests;

public sealed class ToolPageTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private string Page(string tool) => fixture.Read($"tools/io.github.acme-files/{tool}.html");

    private string Text(string tool) => SiteText.Visible(Page(tool));

    [Fact]
    public void No_tool_page_names_a_risk_class_other_than_its_own()
    {
        foreach (var file in fixture.AllFiles("*.html").Where(f => f.Contains($"{Path.DirectorySeparatorChar}tools{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var html = File.ReadAllText(file);
            var own = System.Text.RegularExpressions.Regex.Match(html, "badge risk-([a-z]+)").Groups[1].Value;
            var words = SiteText.RiskWord().Matches(SiteText.Visible(html)).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
            Assert.All(words, w => Assert.True(w == own, $"{Path.GetFileName(file)} (class '{own}') names '{w}'"));
        }
    }

    [Fact]
    public void The_page_carries_every_section_of_a_classified_tool()
    {
        var text = Text("write_file");
        foreach (var heading in new[] { "What write_file does", "Why write_file needs a policy", "What the definition says", "Parameters",
                     "Findings", "Annotations: declared and inferred", "Attacks that exploit this kind of access", "Recommended policy",
                     "Questions about write_file", "History", "Other tools of Acme Files" })
            Assert.Contains(heading, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rate_limit_answer_quotes_the_limit_in_the_policy()
    {
        var text = Text("write_file");
        Assert.Contains("counter: \"write_file_rate\"", text, StringComparison.Ordinal);
        Assert.Contains("max: 10", text, StringComparison.Ordinal);
        Assert.Contains("at most 10 calls per minute for each grant", text, StringComparison.Ordinal);
        Assert.Contains("30 calls per hour", Text("manage_items"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("write_file")]
    [InlineData("run_command")]
    [InlineData("send_email")]
    [InlineData("read_file")]
    public void The_faq_names_only_real_policy_fields(string tool)
    {
        var text = Text(tool);
        Assert.DoesNotContain("action: deny", text, StringComparison.Ordinal);
        Assert.DoesNotContain("reason field", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rate_limit", text, StringComparison.Ordinal);
        Assert.DoesNotContain("per agent", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_tool_is_described_as_hidden_everywhere()
    {
        var text = Text("run_command");
        Assert.Contains("run_command is listed in hide", text, StringComparison.Ordinal);
        Assert.Contains("The recommended policy already does: run_command is listed in hide", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_recommendation_is_explained_with_the_deny_message()
    {
        var text = Text("send_email");
        Assert.Contains("has no approval field", text, StringComparison.Ordinal);
        Assert.Contains("Sending email needs a person's approval.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_annotations_that_contradict_the_category_are_shown_as_disagreeing()
    {
        Assert.Contains("disagrees", Text("write_file"), StringComparison.Ordinal);
        Assert.DoesNotContain("disagrees", Text("read_file"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_multiplexed_tool_lists_its_operations()
    {
        var html = Page("manage_items");
        Assert.Contains("<h2>Operations</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<code>delete</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_show_type_requiredness_enum_and_default()
    {
        var text = Text("read_file");
        Assert.Contains("Path inside the workspace", text, StringComparison.Ordinal);
        Assert.Contains("One of: utf-8, latin1", text, StringComparison.Ordinal);
        Assert.Contains("2 (1 required)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_in_descriptions_is_rendered_and_safe_links_are_kept()
    {
        var html = Page("write_file");
        Assert.Contains("<strong>replacing</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/docs\" rel=\"nofollow noopener noreferrer ugc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclassified_tool_says_so_and_names_no_class()
    {
        var text = Text("foo");
        Assert.Contains("Lower-case twin.", Text("foo-" + Catalog.Site.Output.Slug.ShortHash("foo")), StringComparison.Ordinal);
        Assert.Contains("not been classified", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_policy_block_has_a_copy_button_and_a_download_link()
    {
        var html = Page("write_file");
        Assert.Contains("data-copy=\"policy-json\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"data:application/json;charset=utf-8,%7B", html, StringComparison.Ordinal);
        Assert.Contains("download=\"write_file.policy.json\"", html, StringComparison.Ordinal);
    }
}
