using Catalog.Classifier.Export;
using Catalog.Data.Model;

namespace Catalog.Export.Tests;

public sealed class PlannerTests
{
    private static ToolPolicy Tool(PolicyPlan plan, string name) => plan.Servers.SelectMany(s => s.Tools).Single(t => t.Tool == name);

    [Fact]
    public void Balanced_allows_reads_caps_writes_asks_for_destructive_and_hides_critical()
    {
        var plan = FixtureServer.Plan();
        Assert.Equal(PolicyAction.Allow, Tool(plan, "list_issues").Action);
        Assert.Equal(new RateLimit(30, "minute"), Tool(plan, "create_issue").Limit);
        Assert.Equal(PolicyAction.RequireApproval, Tool(plan, "delete_repository").Action);
        Assert.Equal(PolicyAction.Hide, Tool(plan, "create_payment").Action);
        Assert.Equal(PolicyAction.Hide, Tool(plan, "run_script").Action);
        Assert.Contains("Destructive", Tool(plan, "delete_repository").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiplexed_tool_is_allowed_with_its_destructive_operation_denied_by_argument()
    {
        var t = Tool(FixtureServer.Plan(), "manage_branches");
        Assert.Equal(PolicyAction.Allow, t.Action);
        var d = Assert.IsType<DeniedValues>(Assert.Single(t.Constraints));
        Assert.Equal(["delete"], d.Denied);
        Assert.Equal(["get", "list"], d.Allowed);
    }

    [Fact]
    public void Strict_denies_writes_and_holds_reads_to_allow_listed_domains()
    {
        var plan = FixtureServer.Plan("strict");
        Assert.Equal(PolicyAction.Deny, Tool(plan, "create_issue").Action);
        Assert.Equal(PolicyAction.Hide, Tool(plan, "delete_repository").Action);
        Assert.IsType<DomainAllowList>(Assert.Single(Tool(plan, "fetch_url").Constraints));
    }

    [Fact]
    public void Permissive_caps_spending_instead_of_hiding_the_payment_tool()
    {
        var t = Tool(FixtureServer.Plan("permissive"), "create_payment");
        Assert.Equal(PolicyAction.RateLimit, t.Action);
        Assert.Equal(new SpendCap("amount", 100, 500, t.Constraints.OfType<SpendCap>().Single().Reason), t.Constraints.OfType<SpendCap>().Single());
        Assert.IsType<RecipientAllowList>(Assert.Single(Tool(FixtureServer.Plan("permissive"), "send_email").Constraints));
    }

    [Theory]
    [InlineData("""{"tools": {"create_issue": {"action": "allow", "rate": "60/minute"}}, "tags": {"filesystem": "deny"}}""")]
    [InlineData("tools:\n  create_issue: { action: allow, rate: 60/minute }  # a comment\ntags:\n  filesystem: deny\n")]
    public void Overrides_in_json_or_yaml_replace_the_profile_per_tool_and_tag(string text)
    {
        var plan = FixtureServer.Plan("balanced", OverridesReader.Parse(text, "overrides"));
        var issue = Tool(plan, "create_issue");
        Assert.Equal(PolicyAction.RateLimit, issue.Action);
        Assert.Equal(new RateLimit(60, "minute"), issue.Limit);
        Assert.StartsWith("override (create_issue in overrides)", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(PolicyAction.Deny, Tool(plan, "write_file").Action);
    }

    [Fact]
    public void Overrides_set_constraint_values()
    {
        var o = OverridesReader.Parse("constraints:\n  pathRoot: /srv/app/\n  domains: [api.github.com]\n", "o.yaml");
        var t = Tool(FixtureServer.Plan("balanced", o), "write_file");
        Assert.Equal("/srv/app/", t.Constraints.OfType<PathRoot>().Single().Root);
    }

    [Theory]
    [InlineData("tools:\n  x: { action: sometimes }")]
    [InlineData("{\"tools\": {\"x\": {\"action\": \"rate-limit\"}}}")]
    [InlineData("{\"rules\": {}}")]
    [InlineData("{\"tools\": ")]
    public void Bad_overrides_are_input_errors(string text) =>
        Assert.Throws<Catalog.Data.InputException>(() => OverridesReader.Parse(text, "o"));

    [Fact]
    public void A_stack_with_an_untrusted_reader_requires_approval_to_send_data_out()
    {
        var planner = new PolicyPlanner(PolicyProfile.Permissive);
        var plan = StackPlanner.Plan(planner, [FixtureServer.Devops, FixtureServer.Web], asStack: true);
        var send = Tool(plan, "send_email");
        Assert.Equal(PolicyAction.RequireApproval, send.Action);
        Assert.Contains("npm:@fixture/web-mcp/fetch_page", send.Reason, StringComparison.Ordinal);
        Assert.Contains(plan.Notes, n => n.Contains("send_email", StringComparison.Ordinal));
        var alone = StackPlanner.Plan(planner, [FixtureServer.Devops], asStack: true);
        Assert.Equal(PolicyAction.RateLimit, Tool(alone, "send_email").Action);
    }

    [Fact]
    public void Unknown_format_and_profile_are_input_errors()
    {
        Assert.Throws<Catalog.Data.InputException>(() => PolicyExporters.Get("cedar"));
        Assert.Throws<Catalog.Data.InputException>(() => PolicyProfile.Parse("lenient"));
    }

    [Fact]
    public void Every_fallback_is_noted()
    {
        foreach (var e in PolicyExporters.All)
        {
            var result = e.Export(FixtureServer.Plan());
            foreach (var t in FixtureServer.Plan().Servers[0].Tools)
            {
                var lowered = RuleLowering.Lower(t, e.Capabilities, e.Format);
                if (lowered.Action != t.Action) Assert.Contains(result.Notes, n => n.Contains("/" + t.Tool + ":", StringComparison.Ordinal));
            }
        }
    }
}
