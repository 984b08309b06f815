namespace Catalog.Crawler.Sandbox;

/// <summary>
/// Builds the command line that confines a server: bubblewrap with every namespace unshared (so no network), a
/// read-only view of the system's programs and libraries, an empty private /tmp and home, only the server's own
/// folders visible (read-only), a cleared environment; CPU, memory and open-file limits from prlimit, and a cap on
/// processes from a pids cgroup (see <see cref="PidsCgroup"/>).
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

    /// <summary>The bubblewrap binary <paramref name="options"/> names, else <c>bwrap</c> on PATH; null when there is none.</summary>
    public static string? Locate(SandboxOptions options) =>
        options.BwrapPath is { } path ? (File.Exists(path) ? Path.GetFullPath(path) : null) : FindOnPath("bwrap");

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
            a.AddRange([$"--cpu={options.CpuSeconds}", $"--nofile={options.OpenFiles}", $"--data={options.MemoryMegabytes * 1024L * 1024}"]);
            var cgroup = PidsCgroup.Create(options.Processes);
            if (cgroup is null && !System.Environment.IsPrivilegedProcess) a.Add($"--nproc={UserTasks() + options.Processes}");
            a.AddRange(["--", bwrap]);
            if (cgroup is not null)
            {
                // The shell joins the server's pids cgroup, then becomes prlimit: every process of the server is counted.
                a.InsertRange(0, ["-c", "echo $$ > \"$0/cgroup.procs\" && exec \"$@\"", cgroup, prlimit]);
                prlimit = "/bin/sh";
            }
        }
        a.AddRange(["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]);
        foreach (var dir in SystemDirs)
        {
            var info = new FileInfo(dir);
            if (info.LinkTarget is { } target) a.AddRange(["--symlink", target, dir]);
            else if (Directory.Exists(dir)) a.AddRange(["--ro-bind", dir, dir]);
        }
        foreach (var etc in EtcFiles) a.AddRange(["--ro-bind-try", etc, etc]);
        a.AddRange(["--proc", "/proc", "--dev", "/dev", "--size", Bytes(options.TmpfsMegabytes), "--tmpfs", "/tmp",
            "--size", Bytes(options.TmpfsMegabytes), "--tmpfs", "/home", "--dir", SandboxHome]);
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

    private static string Bytes(int megabytes) => (megabytes * 1024L * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Tasks (threads included) the current user runs on the whole machine: RLIMIT_NPROC counts them all, so a cap of
    /// N for the server is this plus N.
    /// </summary>
    private static int UserTasks()
    {
        var uid = RealUid(File.ReadAllLines("/proc/self/status"));
        var tasks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(dir)[0])) continue;
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                if (RealUid(status) != uid) continue;
                tasks += int.Parse(status.First(l => l.StartsWith("Threads:", StringComparison.Ordinal))[8..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
            {
                // The process ended while being read.
            }
        }
        return tasks;
    }

    private static string RealUid(string[] status) =>
        status.First(l => l.StartsWith("Uid:", StringComparison.Ordinal))[4..].Split('\t', StringSplitOptions.RemoveEmptyEntries)[0];

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
