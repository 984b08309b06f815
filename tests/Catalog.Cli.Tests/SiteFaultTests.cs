using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Catalog.Data.Store;
using Xunit.Abstractions;

namespace Catalog.Cli.Tests;

/// <summary>
/// A site build killed with SIGKILL at random moments, and one that meets a full disk or a read-only folder: no
/// published file is ever partial, the previous site stays until a build succeeds, and the next build is complete.
/// </summary>
public sealed class SiteFaultTests(ITestOutputHelper output)
{
    private const int Seed = 1122;
    private const int RandomKills = 3;

    /// <summary>Tools, one JSON line each, for <paramref name="servers"/> servers of <paramref name="tools"/> tools.</summary>
    private static string WriteTools(string dir, string name, string prefix, int servers, int tools, string wording = "Reads")
    {
        var path = Path.Combine(dir, name);
        File.WriteAllLines(path, Enumerable.Range(0, servers).SelectMany(s => Enumerable.Range(0, tools).Select(t => JsonSerializer.Serialize(new
        {
            server = $"{prefix}/svc{s:00}",
            name = t % 3 == 0 ? $"delete_item_{t}" : $"read_item_{t}",
            description = $"{wording} item {t} of service {s}.",
            inputSchema = new { type = "object", properties = new { id = new { type = "string" } } },
        }))));
        return path;
    }

    private static async Task Run(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"catalog {string.Join(' ', args)}: {result.Error}");
    }

    private static async Task ImportAndClassify(string db, string file)
    {
        await Run("import", file, "--db", db);
        await Run("classify", "--db", db);
    }

    [Fact]
    public async Task A_site_build_killed_at_random_moments_never_leaves_a_partial_file_and_the_next_build_is_complete()
    {
        var dir = CliRunner.TempDir();
        var db = Path.Combine(dir, "catalog.db");
        var site = Path.Combine(dir, "site");
        await ImportAndClassify(db, WriteTools(dir, "a.jsonl", "acme", 8, 30));
        var clock = Stopwatch.StartNew();
        await Run("site", "--db", db, "--out", site);
        var oneBuild = clock.Elapsed;
        var before = Snapshot(site);
        // The next generation: eight more servers, and every tool of the first changes its description.
        await ImportAndClassify(db, WriteTools(dir, "b.jsonl", "acme", 8, 30, "Returns"));
        await ImportAndClassify(db, WriteTools(dir, "c.jsonl", "beta", 8, 30));
        var random = new Random(Seed);
        var log = new List<string>();

        // Kills at seeded random moments of the rendering (the staging folder exists, nothing is published yet)...
        for (var kill = 0; kill < RandomKills; kill++)
        {
            using var child = ChildCatalog.Start(new Dictionary<string, string>(), "site", "--db", db, "--out", site);
            await WaitFor(() => Directory.Exists(site + ".staging"), child);
            var after = TimeSpan.FromMilliseconds(random.Next(0, (int)(0.8 * oneBuild.TotalMilliseconds)));
            await Task.Delay(after);
            var finished = child.HasExited;
            await child.KillAsync();
            log.Add($"kill {kill} at {after.TotalSeconds:0.0}s of rendering{(finished ? " (the build had finished)" : "")}");
            AssertWhole(site, before.Keys, log);
        }
        // ...and one the moment the publish step has begun (the first page of a new server is in place).
        using (var child = ChildCatalog.Start(new Dictionary<string, string>(), "site", "--db", db, "--out", site))
        {
            var firstNew = Path.Combine(site, "tools", "beta-svc00");
            await WaitFor(() => Directory.Exists(firstNew), child);
            await child.KillAsync();
            var published = Directory.Exists(firstNew) ? Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).Count() : 0;
            log.Add($"kill in publish: {(published > 0 ? $"{published} files in the site (the previous site had {before.Count})" : "publish not reached")}");
            AssertWhole(site, before.Keys, log);
        }

        var (code, error) = await ChildCatalog.RunAsync(new Dictionary<string, string>(), "site", "--db", db, "--out", site);
        Assert.True(code == 0, $"{error}\n{string.Join('\n', log)}");
        foreach (var line in log) output.WriteLine(line);

        Assert.False(Directory.Exists(site + ".staging"), "the staging folder is left behind");
        using (var store = CatalogStore.Open(db))
        {
            Assert.Equal("ok", store.IntegrityCheck());
            Assert.Equal(store.GetTools().Count(), Directory.EnumerateFiles(Path.Combine(site, "tools"), "*.html", SearchOption.AllDirectories).Count());
        }
        // The site after the kills is the site a clean build makes, byte for byte.
        var clean = Path.Combine(dir, "clean");
        await Run("site", "--db", db, "--out", clean, "--full");
        var expected = Snapshot(clean);
        var actual = Snapshot(site);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, e => Assert.True(e.Value == actual[e.Key], $"{e.Key} differs from a clean build\n{string.Join('\n', log)}"));
        Directory.Delete(dir, recursive: true); // two sites of some 30 MB each
    }

    [RootFact]
    public async Task A_full_disk_fails_the_build_with_one_line_and_exit_5_and_leaves_the_previous_site()
    {
        var dir = CliRunner.TempDir();
        var db = Path.Combine(dir, "catalog.db");
        await ImportAndClassify(db, WriteTools(dir, "a.jsonl", "acme", 2, 10));
        var measure = Path.Combine(dir, "measure");
        await Run("site", "--db", db, "--out", measure);
        // Room for this site and a quarter more; the next generation is ten times the size.
        var needed = Directory.EnumerateFiles(measure, "*", SearchOption.AllDirectories).Sum(f => (new FileInfo(f).Length + 4095) / 4096 * 4096)
            + Directory.EnumerateDirectories(measure, "*", SearchOption.AllDirectories).Count() * 4096L;
        using var disk = Tmpfs.Mount(Path.Combine(dir, "disk"), needed * 5 / 4 + 256 * 1024);
        var site = Path.Combine(disk.Path, "site");
        await Run("site", "--db", db, "--out", site);
        var before = Snapshot(site);
        await ImportAndClassify(db, WriteTools(dir, "b.jsonl", "beta", 20, 10));

        var result = await CliRunner.RunAsync("site", "--db", db, "--out", site);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("catalog: I/O error: No space left on device", line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(site));
        Assert.False(Directory.Exists(site + ".staging"), "the staging folder is left filling the disk");
    }

    [RootFact]
    public async Task A_read_only_output_folder_fails_the_build_with_one_line_and_exit_5_and_leaves_the_previous_site()
    {
        var dir = CliRunner.TempDir();
        var db = Path.Combine(dir, "catalog.db");
        await ImportAndClassify(db, WriteTools(dir, "a.jsonl", "acme", 2, 10));
        using var disk = Tmpfs.Mount(Path.Combine(dir, "disk"), 64L * 1024 * 1024);
        var site = Path.Combine(disk.Path, "site");
        await Run("site", "--db", db, "--out", site);
        var before = Snapshot(site);
        await ImportAndClassify(db, WriteTools(dir, "b.jsonl", "beta", 2, 10));
        disk.ReadOnly();

        var result = await CliRunner.RunAsync("site", "--db", db, "--out", site);

        Assert.Equal(5, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("catalog: I/O error: Read-only file system", line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(site));
    }

    private static async Task WaitFor(Func<bool> condition, ChildCatalog child)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!condition() && !child.HasExited && DateTime.UtcNow < deadline) await Task.Delay(5);
    }

    /// <summary>Every file that is there is whole, and every file of the previous site is still there.</summary>
    private static void AssertWhole(string site, IEnumerable<string> previous, List<string> log)
    {
        foreach (var file in Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var whole = Path.GetExtension(file) switch
            {
                ".html" => text.EndsWith("</html>\n", StringComparison.Ordinal),
                ".json" => Parses(text),
                ".xml" or ".atom" => text.TrimEnd().EndsWith('>'),
                _ => true,
            };
            Assert.True(whole, $"{Path.GetRelativePath(site, file)} is partial after {log[^1]}");
        }
        foreach (var path in previous) Assert.True(File.Exists(Path.Combine(site, path)), $"{path} is missing after {log[^1]}");
    }

    private static bool Parses(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Relative path to SHA-256 of every file in the site.</summary>
    private static Dictionary<string, string> Snapshot(string site) =>
        Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(site, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}

/// <summary>Runs only as root (it mounts a small tmpfs to stand for a full or read-only disk); skipped otherwise, saying why.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess) Skip = "needs root: mounts a small tmpfs to stand for a full or read-only disk";
    }
}

/// <summary>A tmpfs mounted for one test and unmounted after it.</summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        Exec("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path);
        return new Tmpfs(path);
    }

    public void ReadOnly() => Exec("mount", "-o", "remount,ro", Path);

    public void Dispose() => Exec("umount", Path);

    private static void Exec(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {error}");
    }
}
