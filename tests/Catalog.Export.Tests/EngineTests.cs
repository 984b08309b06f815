namespace Catalog.Export.Tests;

/// <summary>
/// The fixture server's balanced export through each format's real engine (Cedar, two CEL engines, ajv with the
/// products' published schemas, a TOML parser), asserting on the decision for every kind of tool.
/// </summary>
public sealed class EngineTests
{
    private const string D = FixtureServer.Alias;

    private static readonly Request[] Table =
    [
        new(D, "list_issues", new { repo = "a/b" }),
        new(D, "get_issue", new { repo = "a/b", number = 1 }),
        new(D, "create_issue", new { repo = "a/b", title = "t" }),
        new(D, "delete_repository", new { repo = "a/b" }),
        new(D, "create_payment", new { amount = 50, currency = "EUR", payee = "x" }),
        new(D, "run_script", new { code = "1" }),
        new(D, "manage_branches", new { action = "list" }),
        new(D, "manage_branches", new { action = "get", branch = "main" }),
        new(D, "manage_branches", new { action = "delete", branch = "main" }),
        new(D, "write_file", new { path = "/workspace/notes.txt", content = "x" }),
        new(D, "write_file", new { path = "/etc/passwd", content = "x" }),
        new(D, "write_file", new { path = "/workspace/../etc/passwd", content = "x" }),
        new(D, "run_query", new { sql = "SELECT * FROM t" }),
        new(D, "run_query", new { sql = "DROP TABLE t" }),
        new(D, "run_query", new { sql = "select 1; drop table t" }),
        new(D, "unknown_tool"),
    ];

    private static EngineResult Run(string format, string server = D) =>
        Engine.Check(format, Exported.Text(format), Table.Select(r => r with { Server = server }));

    [Fact]
    public void ToolHive_cedar_parses_validates_strictly_and_decides_per_tool_and_argument()
    {
        var r = Run("toolhive");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor(D, "list_issues"));
        Assert.Equal("allow", r.DecisionFor(D, "get_issue"));
        Assert.Equal("allow", r.DecisionFor(D, "create_issue"));
        Assert.Equal("deny", r.DecisionFor(D, "delete_repository"));
        Assert.Equal("deny", r.DecisionFor(D, "create_payment"));
        Assert.Equal("deny", r.DecisionFor(D, "run_script"));
        Assert.Equal("deny", r.DecisionFor(D, "unknown_tool"));
        AssertMultiplexed(r);
        AssertArguments(r);
        Assert.Contains(r.RateLimits, l => (string)l!["tool"]! == "create_issue" && (int)l["max"]! == 30 && (string)l["window"]! == "1m0s");
        Assert.Contains(r.RateLimits, l => (string)l!["tool"]! == "write_file" && (int)l["max"]! == 30);
    }

    [Fact]
    public void Envoy_route_passes_its_crd_schema_and_both_cel_engines_decide_arguments()
    {
        var r = Run("envoy");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor(D, "list_issues"));
        Assert.Equal("deny", r.DecisionFor(D, "create_issue")); // no per-tool budget in MCPRoute: stricter deny
        Assert.Equal("deny", r.DecisionFor(D, "delete_repository"));
        Assert.Equal("hide", r.DecisionFor(D, "create_payment"));
        Assert.Equal("hide", r.DecisionFor(D, "run_script"));
        AssertMultiplexed(r);
        Assert.Equal("allow", r.DecisionFor(D, "run_query", """{"sql":"SELECT * FROM t"}"""));
        Assert.Equal("deny", r.DecisionFor(D, "run_query", """{"sql":"DROP TABLE t"}"""));
        Assert.Equal("deny", r.DecisionFor(D, "run_query", """{"sql":"select 1; drop table t"}"""));
    }

    [Fact]
    public void Agentgateway_config_passes_its_schema_and_allows_only_unconditional_tools()
    {
        var r = Run("agentgateway");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor(D, "list_issues"));
        Assert.Equal("allow", r.DecisionFor(D, "get_issue"));
        Assert.Equal("deny", r.DecisionFor(D, "create_issue"));
        Assert.Equal("deny", r.DecisionFor(D, "delete_repository"));
        Assert.Equal("deny", r.DecisionFor(D, "unknown_tool"));
        // No arguments in its CEL: the multiplexed tool falls back to deny as a whole.
        Assert.All(r.Decisions.Where(d => d.Tool == "manage_branches"), d => Assert.Equal("deny", d.Decision));
    }

    [Fact]
    public void Claude_code_settings_pass_the_schemastore_schema_with_allow_ask_deny()
    {
        var r = Run("claude-code");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor(D, "list_issues"));
        Assert.Equal("ask", r.DecisionFor(D, "create_issue"));
        Assert.Equal("ask", r.DecisionFor(D, "delete_repository"));
        Assert.Equal("deny", r.DecisionFor(D, "create_payment"));
        Assert.Equal("deny", r.DecisionFor(D, "run_script"));
        Assert.All(r.Decisions.Where(d => d.Tool == "manage_branches"), d => Assert.Equal("ask", d.Decision));
    }

    [Fact]
    public void Codex_config_parses_as_toml_and_prompts_for_approval()
    {
        var r = Run("codex");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor(D, "list_issues"));
        Assert.Equal("ask", r.DecisionFor(D, "create_issue"));
        Assert.Equal("ask", r.DecisionFor(D, "delete_repository"));
        Assert.Equal("deny", r.DecisionFor(D, "run_script"));
    }

    [Fact]
    public void Docker_tools_list_exposes_only_the_unconditional_tools()
    {
        var r = Run("docker");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor(D, "list_issues"));
        Assert.Equal("deny", r.DecisionFor(D, "create_issue"));
        Assert.Equal("deny", r.DecisionFor(D, "delete_repository"));
        Assert.All(r.Decisions.Where(d => d.Tool == "manage_branches"), d => Assert.Equal("deny", d.Decision));
    }

    [Fact]
    public void PolicyLayer_json_passes_the_project_schema_and_its_documented_semantics()
    {
        var r = Run("policylayer");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor(D, "list_issues"));
        Assert.Equal("allow", r.DecisionFor(D, "create_issue"));
        Assert.Equal("deny", r.DecisionFor(D, "delete_repository"));
        Assert.Equal("hide", r.DecisionFor(D, "create_payment"));
        AssertMultiplexed(r);
        AssertArguments(r);
        Assert.Contains(r.RateLimits, l => (string)l!["tool"]! == "create_issue" && (int)l["max"]! == 30 && (string)l["window"]! == "minute");
    }

    [Fact]
    public void Intercept_yaml_follows_its_documented_semantics()
    {
        var r = Run("intercept", "0");
        Assert.True(r.Ok, string.Join("\n", r.Errors));
        Assert.Equal("allow", r.DecisionFor("0", "list_issues"));
        Assert.Equal("allow", r.DecisionFor("0", "create_issue"));
        Assert.Equal("deny", r.DecisionFor("0", "delete_repository"));
        Assert.Equal("hide", r.DecisionFor("0", "run_script"));
        Assert.Equal("allow", r.DecisionFor("0", "manage_branches", """{"action":"list"}"""));
        Assert.Equal("deny", r.DecisionFor("0", "manage_branches", """{"action":"delete","branch":"main"}"""));
        Assert.Equal("deny", r.DecisionFor("0", "write_file", """{"path":"/workspace/../etc/passwd","content":"x"}"""));
        Assert.Contains(r.RateLimits, l => (string)l!["tool"]! == "create_issue" && (int)l["max"]! == 30 && (string)l["window"]! == "minute");
    }

    private static void AssertMultiplexed(EngineResult r)
    {
        var s = r.Decisions[0].Server;
        Assert.Equal("allow", r.DecisionFor(s, "manage_branches", """{"action":"list"}"""));
        Assert.Equal("allow", r.DecisionFor(s, "manage_branches", """{"action":"get","branch":"main"}"""));
        Assert.Equal("deny", r.DecisionFor(s, "manage_branches", """{"action":"delete","branch":"main"}"""));
    }

    private static void AssertArguments(EngineResult r)
    {
        var s = r.Decisions[0].Server;
        Assert.Equal("allow", r.DecisionFor(s, "write_file", """{"path":"/workspace/notes.txt","content":"x"}"""));
        Assert.Equal("deny", r.DecisionFor(s, "write_file", """{"path":"/etc/passwd","content":"x"}"""));
        Assert.Equal("deny", r.DecisionFor(s, "write_file", """{"path":"/workspace/../etc/passwd","content":"x"}"""));
        Assert.Equal("allow", r.DecisionFor(s, "run_query", """{"sql":"SELECT * FROM t"}"""));
        Assert.Equal("deny", r.DecisionFor(s, "run_query", """{"sql":"DROP TABLE t"}"""));
    }
}
