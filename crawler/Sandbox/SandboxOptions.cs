namespace Catalog.Crawler.Sandbox;

/// <summary>Limits for one introspected server.</summary>
public sealed record SandboxOptions
{
    /// <summary>False runs servers unconfined (only with the user's explicit <c>--no-sandbox</c>).</summary>
    public bool Enabled { get; init; } = true;
    public int CpuSeconds { get; init; } = 120;
    public int OpenFiles { get; init; } = 1024;
    public int NodeHeapMegabytes { get; init; } = 512;
}
