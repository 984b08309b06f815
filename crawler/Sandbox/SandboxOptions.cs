namespace Catalog.Crawler.Sandbox;

/// <summary>Limits for one introspected server (SECURITY.md explains each and how the figures were measured).</summary>
public sealed record SandboxOptions
{
    /// <summary>False runs servers unconfined (only with the user's explicit <c>--no-sandbox</c>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The bubblewrap binary; null finds <c>bwrap</c> on PATH. <c>CATALOG_BWRAP</c> sets it from outside (a packaged
    /// bwrap in another folder, or a test forcing the no-sandbox refusal).
    /// </summary>
    public string? BwrapPath { get; init; } = System.Environment.GetEnvironmentVariable("CATALOG_BWRAP") is { Length: > 0 } path ? path : null;

    public int CpuSeconds { get; init; } = 120;
    public int OpenFiles { get; init; } = 1024;
    public int NodeHeapMegabytes { get; init; } = 512;

    /// <summary>
    /// RLIMIT_DATA: the writable private memory a process may commit (heap, buffers, anonymous mappings). Not the
    /// address space: V8 reserves over 1 GiB of address space at start, so an address-space limit says little.
    /// </summary>
    public int MemoryMegabytes { get; init; } = 1024;

    /// <summary>Processes and threads the whole sandbox may hold at once (a pids cgroup; RLIMIT_NPROC when not root).</summary>
    public int Processes { get; init; } = 256;

    /// <summary>Size of each private tmpfs (/tmp and the home): what a server may write, held in memory.</summary>
    public int TmpfsMegabytes { get; init; } = 256;
}
