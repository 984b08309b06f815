using Catalog.Classifier.Export;
using Catalog.Data.Model;

namespace Catalog.Cli.Stages;

/// <summary>
/// The one way a stored classification becomes a policy file: the balanced profile's plan, exported. The site,
/// <c>export</c> and <c>classify --input</c> all show what this gives, so a tool never has two recommendations.
/// </summary>
internal static class PolicyRendering
{
    private static readonly PolicyPlanner Planner = new(PolicyProfile.Balanced);

    public static ExportResult Render(string format, string serverId, string? package, IReadOnlyList<(ToolDefinition Tool, Classification Classification)> tools) =>
        PolicyExporters.Get(format).Export(StackPlanner.Plan(Planner, [new ServerTools(serverId, ServerTools.AliasFor(serverId), package, tools)], asStack: false));

    public static string? PackageOf(Server? server) =>
        server?.Packages.FirstOrDefault(p => p.RegistryType == "npm" && p.Version is not null) is { } p ? $"{p.Identifier}@{p.Version}" : null;
}
