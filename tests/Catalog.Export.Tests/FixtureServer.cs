using System.Text.Json;
using Catalog.Classifier.Export;
using Catalog.Data.Model;

namespace Catalog.Export.Tests;

/// <summary>
/// A fixed server with one tool of each kind the exporters must handle. The classifications are written out here,
/// not computed, so these tests do not move when the classifier's rules change.
/// </summary>
internal static class FixtureServer
{
    public const string Id = "npm:@fixture/devops-mcp";
    public const string Alias = "devops";
    public const string WebId = "npm:@fixture/web-mcp";
    public const string WebAlias = "web";

    public static ServerTools Devops { get; } = new(Id, Alias, "@fixture/devops-mcp@1.0.0",
    [
        Tool("list_issues", Category.Read, [], """{"type":"object","properties":{"repo":{"type":"string"}}}"""),
        Tool("get_issue", Category.Read, [], """{"type":"object","properties":{"repo":{"type":"string"},"number":{"type":"integer"}}}"""),
        Tool("fetch_url", Category.Read, [CapabilityTags.OpenWorld], """{"type":"object","properties":{"url":{"type":"string","format":"uri"}}}"""),
        Tool("create_issue", Category.Write, [], """{"type":"object","properties":{"repo":{"type":"string"},"title":{"type":"string"}}}"""),
        Tool("write_file", Category.Write, [CapabilityTags.Filesystem], """{"type":"object","properties":{"path":{"type":"string"},"content":{"type":"string"}}}"""),
        Tool("run_query", Category.Write, [CapabilityTags.Database], """{"type":"object","properties":{"sql":{"type":"string"}}}"""),
        Tool("send_email", Category.Write, [CapabilityTags.ExternalCommunication], """{"type":"object","properties":{"to":{"type":"string"},"subject":{"type":"string"},"body":{"type":"string"}}}"""),
        Tool("delete_repository", Category.Destructive, [], """{"type":"object","properties":{"repo":{"type":"string"}}}"""),
        Tool("create_payment", Category.Write, [CapabilityTags.Financial], """{"type":"object","properties":{"amount":{"type":"number"},"currency":{"type":"string"},"payee":{"type":"string"}}}"""),
        Tool("run_script", Category.Write, [CapabilityTags.CodeExecution], """{"type":"object","properties":{"code":{"type":"string"}}}"""),
        Tool("manage_branches", Category.Destructive, [], """{"type":"object","properties":{"action":{"type":"string","enum":["list","get","delete"]},"branch":{"type":"string"}}}""",
            [new("action", "list", Category.Read), new("action", "get", Category.Read), new("action", "delete", Category.Destructive)]),
    ]);

    public static ServerTools Web { get; } = new(WebId, WebAlias, "@fixture/web-mcp@2.0.0",
    [
        Tool("fetch_page", Category.Read, [CapabilityTags.OpenWorld], """{"type":"object","properties":{"page":{"type":"string"}}}"""),
    ]);

    public static PolicyPlan Plan(string profile = "balanced", PolicyOverrides? overrides = null) =>
        StackPlanner.Plan(new PolicyPlanner(PolicyProfile.Parse(profile), overrides), [Devops], asStack: false);

    private static (ToolDefinition, Classification) Tool(string name, Category category, string[] tags, string schema, OperationClass[]? ops = null)
    {
        var risk = RiskTable.Classify(category, tags);
        var definition = new ToolDefinition(name, null, $"The {name} tool.", JsonDocument.Parse(schema).RootElement.Clone(), null);
        var classification = new Classification(category, tags, risk, 0.9, $"{name}: {category}.", [], [], ops ?? [],
            new PolicyRecommendation(PolicyAction.Allow, null, null, null, "fixture"), "fixture");
        return (definition, classification);
    }
}
