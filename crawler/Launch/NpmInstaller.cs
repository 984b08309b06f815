using System.Collections.Concurrent;
using System.Text.Json;

namespace Catalog.Crawler.Launch;

/// <summary>
/// Installs npm packages into a cache, one folder per package@version, without running their install scripts.
/// A folder is used only once its marker file exists, so an interrupted install is redone, never half-used.
/// </summary>
public sealed class NpmInstaller(string cacheRoot, TimeSpan timeout)
{
    private const string Marker = ".catalog-installed";
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    // A failed install is not retried within one process: the crawl loop and the prefetch would both pay for it.
    private readonly ConcurrentDictionary<string, string> _failures = new(StringComparer.Ordinal);

    public string CacheRoot { get; } = Path.GetFullPath(cacheRoot);

    public string FolderFor(string package, string version) =>
        Path.Combine(CacheRoot, "npm", package.Replace('/', '+') + "@" + version);

    /// <summary>Installs if needed and returns the package folder, or an error line.</summary>
    public async Task<(string? Folder, string? Error, bool Cached)> EnsureAsync(string package, string version, CancellationToken ct)
    {
        var folder = FolderFor(package, version);
        var gate = _locks.GetOrAdd(folder, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (File.Exists(Path.Combine(folder, Marker))) return (folder, null, true);
            if (_failures.TryGetValue(folder, out var earlier)) return (null, earlier, false);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            var result = await ProcessRunner.RunAsync("npm",
                ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--omit=dev", "--no-save", "--loglevel=error",
                 "--prefix", folder, $"{package}@{version}"],
                folder, timeout, new Dictionary<string, string> { ["npm_config_update_notifier"] = "false" }, ct);
            var error = result.TimedOut ? $"npm install timed out after {timeout.TotalSeconds:0}s"
                : result.ExitCode != 0 ? $"npm install failed ({result.ExitCode}): {Summarize(result.OutputTail)}"
                : null;
            if (error is not null)
            {
                _failures[folder] = error;
                return (null, error, false);
            }
            await File.WriteAllTextAsync(Path.Combine(folder, Marker), $"{package}@{version}\n", ct);
            return (folder, null, false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The absolute path of the package's bin script inside <paramref name="folder"/>, or why there is none.</summary>
    public static (string? Bin, string? Error) FindBin(string folder, string package)
    {
        var root = Path.Combine(folder, "node_modules", package);
        var manifest = Path.Combine(root, "package.json");
        if (!File.Exists(manifest)) return (null, "package.json missing after install");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
        if (!doc.RootElement.TryGetProperty("bin", out var bin)) return (null, "package declares no bin to run");
        string? relative = bin.ValueKind switch
        {
            JsonValueKind.String => bin.GetString(),
            JsonValueKind.Object => PickBin(bin, package),
            _ => null,
        };
        if (string.IsNullOrEmpty(relative)) return (null, "package declares no bin to run");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return (null, "bin path points outside the package");
        return File.Exists(full) ? (full, null) : (null, $"bin '{relative}' not found in package");
    }

    private static string? PickBin(JsonElement bins, string package)
    {
        var unscoped = package.Contains('/') ? package[(package.IndexOf('/') + 1)..] : package;
        string? first = null;
        foreach (var p in bins.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String) continue;
            first ??= p.Value.GetString();
            if (p.Name == unscoped) return p.Value.GetString();
        }
        return first;
    }

    internal static string Summarize(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // npm up to 8 prefixes errors "npm ERR!", npm 9 and later "npm error"; the first one names the cause (notarget, E404).
        var line = lines.FirstOrDefault(l => IsError(l, "npm ERR!") || IsError(l, "npm error")) ?? lines.LastOrDefault() ?? "";
        return line.Length > 200 ? line[..200] : line;
    }

    // "npm error code ETARGET" and "npm error A complete log of this run…" frame the message; the line between says it.
    private static bool IsError(string line, string prefix)
    {
        if (!line.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var rest = line[prefix.Length..].Trim();
        return rest.Length > 0 && !rest.StartsWith("code ", StringComparison.Ordinal) && !rest.StartsWith("errno ", StringComparison.Ordinal)
            && !rest.StartsWith("syscall ", StringComparison.Ordinal) && !rest.StartsWith("A complete log", StringComparison.Ordinal);
    }
}
