using System.Text.Json;
using Catalog.Data.Model;
using static Catalog.Classifier.Tests.ToolFactory;

namespace Catalog.Classifier.Tests.Policy;

public sealed class PolicyTests
{
    [Fact]
    public void A_read_tool_is_allowed_with_an_empty_rule()
    {
        var c = Classify("list_notes");
        Assert.Equal(PolicyAction.Allow, c.Policy.Action);
        var doc = Parse(PolicyLayerDocument.ForTool("list_notes", c));
        Assert.Equal(("1", "deny"), (doc.GetProperty("version").GetString(), doc.GetProperty("default").GetString()));
        Assert.Equal("{}", doc.GetProperty("tools").GetProperty("list_notes").GetRawText());
    }

    [Fact]
    public void A_medium_write_is_rate_limited_at_thirty_a_minute()
    {
        var c = Classify("create_note");
        Assert.Equal((PolicyAction.RateLimit, 30, "minute"), (c.Policy.Action, c.Policy.RateLimitMax, c.Policy.RateLimitWindow));
        var limit = Parse(PolicyLayerDocument.ForTool("create_note", c)).GetProperty("tools").GetProperty("create_note").GetProperty("limits")[0];
        Assert.Equal("create_note_per_minute", limit.GetProperty("counter").GetString());
        Assert.Equal(30, limit.GetProperty("max").GetInt32());
        Assert.Equal("grant", limit.GetProperty("scope").GetString());
    }

    [Fact]
    public void A_sensitive_write_is_rate_limited_at_ten_a_minute()
    {
        var c = Classify("create_api_key");
        Assert.Equal(RiskClass.High, c.Risk);
        Assert.Equal((PolicyAction.RateLimit, 10), (c.Policy.Action, c.Policy.RateLimitMax));
    }

    [Fact]
    public void A_destructive_tool_is_denied_with_a_message()
    {
        var c = Classify("delete_note");
        Assert.Equal(PolicyAction.Deny, c.Policy.Action);
        var deny = Parse(PolicyLayerDocument.ForTool("delete_note", c)).GetProperty("tools").GetProperty("delete_note").GetProperty("deny_if")[0];
        Assert.Equal(0, deny.GetProperty("conditions").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(deny.GetProperty("on_deny").GetString()));
    }

    [Fact]
    public void A_critical_tool_is_hidden()
    {
        var c = Classify("run_shell_command", "Executes a shell command.", Props("command"));
        Assert.Equal(RiskClass.Critical, c.Risk);
        Assert.Equal(PolicyAction.Hide, c.Policy.Action);
        var doc = Parse(PolicyLayerDocument.ForTool("run_shell_command", c));
        Assert.Equal("run_shell_command", doc.GetProperty("hide")[0].GetString());
        Assert.False(doc.TryGetProperty("tools", out var tools) && tools.TryGetProperty("run_shell_command", out _));
    }

    [Fact]
    public void A_server_policy_is_sorted_and_byte_stable()
    {
        var tools = new[] { "delete_note", "list_notes", "run_shell_command", "create_note" }
            .Select(n => (n, Classify(n, n == "run_shell_command" ? "Executes a shell command." : null))).ToList();
        var first = PolicyLayerDocument.ForServer(tools);
        var reversed = PolicyLayerDocument.ForServer(Enumerable.Reverse(tools));
        Assert.Equal(first, reversed);
        var doc = Parse(first);
        Assert.Equal("1", doc.GetProperty("version").GetString());
        Assert.Equal("deny", doc.GetProperty("default").GetString());
        Assert.Equal(["create_note", "delete_note", "list_notes"], doc.GetProperty("tools").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_policy_reason_names_the_classification()
    {
        var c = Classify("delete_note");
        Assert.Contains("Destructive", c.Policy.Reason);
        Assert.Contains(c.Risk.ToString(), c.Policy.Reason);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
