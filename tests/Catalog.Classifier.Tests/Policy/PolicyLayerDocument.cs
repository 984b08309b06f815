using Catalog.Classifier.Export;
using Catalog.Data.Model;

namespace Catalog.Classifier.Tests.Policy;

/// <summary>The PolicyLayer document the product publishes for classified tools: the balanced plan, exported.</summary>
internal static class PolicyLayerDocument
{
    private static readonly PolicyPlanner Planner = new(PolicyProfile.Balanced);

    public static string ForTool(string toolName, Classification c) => ForServer([(toolName, c)]);

    public static string ForServer(IEnumerable<(string ToolName, Classification C)> tools) =>
        PolicyExporters.Get("policylayer").Export(StackPlanner.Plan(Planner,
            [new ServerTools("test/server", "server", null, tools.Select(t => (new ToolDefinition(t.ToolName, null, null, null, null), t.C)).ToList())],
            asStack: false)).Content;
}
