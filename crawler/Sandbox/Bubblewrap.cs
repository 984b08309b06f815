namespace Catalog.Crawler.Sandbox;

/// <summary>
/// Builds the command line that confines a server: bubblewrap with every namespace unshared (so no network), a
/// read-only view of the system's programs and libraries, an empty private /tmp and home, only the server's own
/// folders visible (read-only), a cleared environment, and CPU/file limits from prlimit.
/// </summary>
public static class Bubblewrap
{
    public const string SandboxHome = "/home/sandbox";

    private static readonly string[] SystemDirs = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    // Only what programs need to run; the rest of /etc (shadow, ssh keys, credentials) stays out of sight.
    private static readonly string[] EtcFiles =
    [
        "/etc/ssl", "/etc/ca-certificates", "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
        "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/hosts", "/etc/localtime", "/etc/mime.types",
    ];

    public static string? Locate() => FindOnPath("bwrap");

    public static string? FindOnPath(string program)
    {
        if (program.Contains('/')) return File.Exists(program) ? Path.GetFullPath(program) : null;
        foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin").Split(':'))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The program and arguments that start <paramref name="command"/> confined. <paramref name="visible"/> are the
    /// host paths the server may read (its package folder).
    /// </summary>
    public static (string File, IReadOnlyList<string> Args) Wrap(
        string bwrap, SandboxOptions options, string command, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment, IEnumerable<string> visible)
    {
        var a = new List<string>();
        var prlimit = FindOnPath("prlimit");
        if (prlimit is not null)
        {
            a.AddRange([$"--cpu={options.CpuSeconds}", $"--nofile={options.OpenFiles}", "--", bwrap]);
        }
        a.AddRange(["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]);
        foreach (var dir in SystemDirs)
        {
            var info = new FileInfo(dir);
            if (info.LinkTarget is { } target) a.AddRange(["--symlink", target, dir]);
            else if (Directory.Exists(dir)) a.AddRange(["--ro-bind", dir, dir]);
        }
        foreach (var etc in EtcFiles) a.AddRange(["--ro-bind-try", etc, etc]);
        a.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/home", "--dir", SandboxHome]);
        foreach (var path in visible.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (path == "/usr" || path.StartsWith("/usr/", StringComparison.Ordinal) || path == "/tmp") continue;
            a.AddRange(["--ro-bind", path, path]);
        }
        // The sandbox root itself read-only too: only the private /tmp and home take writes.
        a.AddRange(["--remount-ro", "/", "--chdir", "/tmp", "--clearenv"]);
        foreach (var (k, v) in EnvironmentFor(environment, options)) a.AddRange(["--setenv", k, v]);
        a.Add("--");
        a.Add(command);
        a.AddRange(args);
        return prlimit is not null ? (prlimit, a) : (bwrap, a);
    }

    /// <summary>The whole environment a server sees: a fixed base plus what its configuration names. Nothing of the crawler's own.</summary>
    public static SortedDictionary<string, string> EnvironmentFor(IReadOnlyDictionary<string, string> configured, SandboxOptions options)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = SandboxHome,
            ["TMPDIR"] = "/tmp",
            ["LANG"] = "C.UTF-8",
            ["NODE_OPTIONS"] = $"--max-old-space-size={options.NodeHeapMegabytes}",
            ["NO_COLOR"] = "1",
        };
        foreach (var (k, v) in configured) env[k] = v;
        return env;
    }
}
