namespace Catalog.Site.Policy;

/// <summary>
/// The export formats the classify stage stores beside PolicyLayer's (names as in <c>catalog export --format</c>),
/// with how a tool page labels them and the file extension of their download.
/// </summary>
public static class GatewayFormats
{
    public sealed record Format(string Name, string Label, string Extension);

    public static IReadOnlyList<Format> Others { get; } =
    [
        new("intercept", "PolicyLayer Intercept (YAML)", "yaml"),
        new("toolhive", "ToolHive MCPServer with Cedar", "yaml"),
        new("agentgateway", "agentgateway (CEL)", "yaml"),
        new("envoy", "Envoy AI Gateway MCPRoute", "yaml"),
        new("docker", "Docker MCP Gateway tools.yaml", "yaml"),
        new("claude-code", "Claude Code settings.json", "json"),
        new("codex", "Codex config.toml", "toml"),
        new("rego", "OPA Rego", "rego"),
    ];
}
