using System.Globalization;

namespace Catalog.Crawler.Sandbox;

/// <summary>
/// One pids cgroup per sandboxed server: a hard cap on its processes and threads, counted for that server alone.
/// RLIMIT_NPROC cannot do this for a crawler running as root (the kernel exempts uid 0 from it, inside a user
/// namespace too) and, for other users, counts every process the user has on the machine.
/// </summary>
/// <remarks>
/// Groups live under <c>catalog-sandbox</c> in the pids hierarchy (cgroup v1 <c>/sys/fs/cgroup/pids</c>, or the v2
/// root with the pids controller). The server joins its group before bubblewrap starts, so every descendant is
/// counted. An emptied group is removed by a later call once it is five minutes old or its crawler is gone.
/// </remarks>
public static class PidsCgroup
{
    private const string Parent = "catalog-sandbox";
    private static readonly TimeSpan SweepAge = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string?> Root = new(FindRoot);
    private static long _counter;

    /// <summary>A new group allowing <paramref name="max"/> processes, or null when cgroups are not available here.</summary>
    public static string? Create(int max)
    {
        if (Root.Value is not { } root) return null;
        Sweep(root);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var dir = Path.Combine(root, $"{now}-{System.Environment.ProcessId}-{Interlocked.Increment(ref _counter)}");
        try
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "pids.max"), max.ToString(CultureInfo.InvariantCulture));
            return dir;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FindRoot()
    {
        try
        {
            if (File.Exists("/sys/fs/cgroup/pids/cgroup.procs")) return Ensure("/sys/fs/cgroup/pids", v2: false);
            if (File.Exists("/sys/fs/cgroup/cgroup.controllers")
                && File.ReadAllText("/sys/fs/cgroup/cgroup.controllers").Split(' ', '\n').Contains("pids"))
                return Ensure("/sys/fs/cgroup", v2: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not root, or a read-only cgroup file system: no per-server process cap from cgroups.
        }
        return null;
    }

    private static string? Ensure(string hierarchy, bool v2)
    {
        var parent = Path.Combine(hierarchy, Parent);
        if (v2) File.WriteAllText(Path.Combine(hierarchy, "cgroup.subtree_control"), "+pids");
        Directory.CreateDirectory(parent);
        if (v2) File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), "+pids");
        return File.Exists(Path.Combine(parent, "cgroup.procs")) ? parent : null;
    }

    private static void Sweep(string root)
    {
        var cutoff = DateTimeOffset.UtcNow - SweepAge;
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (parts.Length != 3 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var created)
                || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var owner)) continue;
            if (DateTimeOffset.FromUnixTimeSeconds(created) > cutoff && Directory.Exists($"/proc/{owner}")) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cgroup.procs")).Length == 0) Directory.Delete(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Still in use, or removed by another crawler at the same moment.
            }
        }
    }
}
