using Catalog.Crawler.Introspection;
using Catalog.Crawler.Sandbox;

namespace Catalog.Crawler;

public sealed record CrawlOptions
{
    public int Concurrency { get; init; } = Environment.ProcessorCount;
    public string CacheDirectory { get; init; } = ".cache";
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Package installs run ahead of introspection; they wait on the network more than on the CPU.</summary>
    public int InstallConcurrency { get; init; } = 4;
    public SandboxOptions Sandbox { get; init; } = new();
    public IntrospectionLimits Limits { get; init; } = new();
}

/// <summary>One server finished (for progress display).</summary>
public sealed record CrawlProgress(string ServerId, Data.Model.AttemptStatus Status, int ToolCount, string? Error, int Done, int Total);

public sealed record CrawlSummary(long RunId, bool Resumed, int Servers, int AlreadyDone, int Ok, int Failed, int Skipped, int Tools, TimeSpan Elapsed);
