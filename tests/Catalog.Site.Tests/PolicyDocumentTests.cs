using Catalog.Site.Policy;

namespace Catalog.Site.Tests;

public sealed class PolicyDocumentTests
{
    [Theory]
    [InlineData("""{"version":"1","default":"deny","hide":["t"]}""", RuleKind.Hidden)]
    [InlineData("""{"version":"1","default":"deny","hide":["*"],"tools":{"t":{}}}""", RuleKind.Hidden)]
    [InlineData("""{"version":"1","default":"deny","tools":{"t":{"deny_if":[{"conditions":[],"on_deny":"no"}]}}}""", RuleKind.Blocked)]
    [InlineData("""{"version":"1","default":"deny","tools":{"t":{"deny_if":[{"conditions":[{"path":"args.x","op":"eq","value":1}],"on_deny":"no"}]}}}""", RuleKind.Conditional)]
    [InlineData("""{"version":"1","default":"deny","tools":{"t":{"limits":[{"counter":"t_rate","window":"minute","max":30,"scope":"grant"}]}}}""", RuleKind.RateLimited)]
    [InlineData("""{"version":"1","default":"deny","tools":{"t":{}}}""", RuleKind.Allowed)]
    [InlineData("""{"version":"1","default":"deny","tools":{}}""", RuleKind.DeniedByDefault)]
    [InlineData("""{"version":"1","default":"allow"}""", RuleKind.AllowedByDefault)]
    public void The_rule_for_a_tool_is_read_from_the_json(string json, RuleKind kind) =>
        Assert.Equal(kind, PolicyDocument.Parse(json)!.RuleFor("t").Kind);

    [Fact]
    public void A_limit_is_read_field_by_field()
    {
        var rule = PolicyDocument.Parse("""{"version":"1","default":"deny","tools":{"t":{"limits":[{"counter":"t_rate","window":"hour","max":12,"scope":"grant"}]}}}""")!.RuleFor("t");
        Assert.Equal(new PolicyLimit("t_rate", "hour", 12, "grant"), rule.Limits.Single());
        Assert.Equal("12 per hour", rule.Label);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Unreadable_policy_text_is_no_policy(string? text) => Assert.Null(PolicyDocument.Parse(text));

    [Fact]
    public void The_shown_json_keeps_apostrophes_readable_and_html_characters_escaped()
    {
        var pretty = PolicyDocument.Parse("""{"version":"1","default":"deny","tools":{"<b>":{"deny_if":[{"conditions":[],"on_deny":"a person's \u200B call"}]}}}""")!.Pretty;
        Assert.Contains("a person's \\u200B call", pretty, StringComparison.Ordinal);
        Assert.Contains("\\u003Cb\\u003E", pretty, StringComparison.Ordinal);
    }

    [Fact]
    public void Readable_unescaping_leaves_escaped_backslashes_alone() =>
        Assert.Equal("""["\\u0027", "'"]""", ReadableJson.Unescape("""["\\u0027", "\u0027"]"""));
}
