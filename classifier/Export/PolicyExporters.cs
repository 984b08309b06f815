using Catalog.Classifier.Export.Exporters;

namespace Catalog.Classifier.Export;

/// <summary>Every exporter, by <c>--format</c> name, in the order the help lists them.</summary>
public static class PolicyExporters
{
    public static IReadOnlyList<IPolicyExporter> All { get; } =
    [
        new PolicyLayerExporter(), new InterceptExporter(), new ToolHiveExporter(), new AgentgatewayExporter(),
        new EnvoyExporter(), new DockerExporter(), new ClaudeCodeExporter(), new CodexExporter(), new RegoExporter(),
    ];

    public static IReadOnlyList<string> Formats { get; } = All.Select(e => e.Format).ToList();

    public static IPolicyExporter Get(string format) =>
        All.FirstOrDefault(e => e.Format == format)
        ?? throw new Data.InputException($"unknown --format '{format}' (expected: {string.Join(", ", Formats)})");
}
