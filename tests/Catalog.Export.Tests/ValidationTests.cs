using System.Text.Json.Nodes;

namespace Catalog.Export.Tests;

/// <summary>The checks reject what they should: without negative cases a passing engine test would prove nothing.</summary>
public sealed class ValidationTests
{
    [Theory]
    [InlineData("strict")]
    [InlineData("balanced")]
    [InlineData("permissive")]
    public void Intercept_export_keeps_every_documented_validation_rule(string profile)
    {
        var r = Engine.Check("intercept", Exported.Text("intercept", profile), []);
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        foreach (var doc in r.Document!.AsArray()) Assert.Empty(InterceptRules.Validate(doc!));
    }

    [Fact]
    public void Intercept_rules_catch_a_deny_with_conditions_and_a_combined_rate_limit()
    {
        var doc = JsonNode.Parse("""
            {"version":"1","tools":{"x":{"rules":[
              {"name":"a","action":"deny","conditions":[{"path":"args.a","op":"eq","value":1}]},
              {"name":"b","rate_limit":"10/week"},
              {"name":"c","rate_limit":"5/minute","conditions":[{"path":"args.a","op":"in","value":3}]}]}}}
            """)!;
        var errors = InterceptRules.Validate(doc);
        Assert.Contains(errors, e => e.Contains("deny rule has no conditions", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("N/minute", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("cannot be combined", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs a list", StringComparison.Ordinal));
    }

    [Fact]
    public void Cedar_rejects_a_misspelled_action()
    {
        var bad = Exported.Text("toolhive").Replace("Action::\\\"call_tool\\\"", "Action::\\\"call_tools\\\"", StringComparison.Ordinal);
        Assert.False(Engine.Check("toolhive", bad, []).Ok);
    }

    [Fact]
    public void Cedar_rejects_a_missing_semicolon()
    {
        var bad = Exported.Text("toolhive").Replace(");\"", ")\"", StringComparison.Ordinal);
        Assert.False(Engine.Check("toolhive", bad, []).Ok);
    }

    [Fact]
    public void Claude_code_schema_rejects_an_unknown_permissions_key()
    {
        var bad = Exported.Text("claude-code").Replace("\"ask\"", "\"approve\"", StringComparison.Ordinal);
        Assert.False(Engine.Check("claude-code", bad, []).Ok);
    }

    [Fact]
    public void Agentgateway_schema_rejects_a_permit_rule()
    {
        var bad = Exported.Text("agentgateway").Replace("- allow:", "- permit:", StringComparison.Ordinal);
        Assert.False(Engine.Check("agentgateway", bad, []).Ok);
    }

    [Fact]
    public void Envoy_crd_rejects_an_unknown_action()
    {
        var bad = Exported.Text("envoy").Replace("action: Deny", "action: Block", StringComparison.Ordinal);
        Assert.False(Engine.Check("envoy", bad, []).Ok);
    }

    [Fact]
    public void Cel_engines_reject_a_malformed_rule()
    {
        var bad = Exported.Text("envoy").Replace("request.mcp.tool in [", "request.mcp.tool in [[", StringComparison.Ordinal);
        Assert.False(Engine.Check("envoy", bad, [new(FixtureServer.Alias, "list_issues")]).Ok);
    }

    [Fact]
    public void PolicyLayer_schema_rejects_an_unknown_window()
    {
        var bad = Exported.Text("policylayer").Replace("\"window\": \"minute\"", "\"window\": \"week\"", StringComparison.Ordinal);
        Assert.False(Engine.Check("policylayer", bad, []).Ok);
    }
}
