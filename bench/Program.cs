using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site;

// dotnet run -c Release --project bench -- site --tools 20000 [--work DIR] [--keep] [--skip-hugo] [--incremental]
//   builds a synthetic store, generates the site in a child process (peak RSS from /proc), builds the same pages
//   with Hugo from Markdown under /usr/bin/time -v, and prints the table. The work folder is new for every run and
//   removed at the end (--keep keeps it): ext4 searches past recently deleted inodes when it creates files, so
//   deleting an old tree just before generating slowed whichever program ran first by several seconds.
// dotnet run -c Release --project bench -- gen --db FILE --out DIR [--full]   (one generation; prints time and VmHWM)
// dotnet run -c Release --project bench -- touch --db FILE [--every 100] [--clustered] [--crawl-all] [--at 2025-06-01T00:00:00Z]
//   (a crawl that redefines every Nth tool, or with --clustered every tool of every Nth server; --crawl-all records
//   an attempt for every server, changed or not)
var argv = args.ToList();
string Opt(string name, string fallback) { var i = argv.IndexOf(name); return i >= 0 && i + 1 < argv.Count ? argv[i + 1] : fallback; }
bool Flag(string name) => argv.Contains(name);
var inv = CultureInfo.InvariantCulture;

if (argv.Count > 0 && argv[0] == "gen")
{
    using var store = CatalogStore.Open(Opt("--db", "catalog.db"));
    var sw = Stopwatch.StartNew();
    var report = new SiteGenerator(store).Generate(Opt("--out", "site-out"), Flag("--full"));
    sw.Stop();
    Console.WriteLine(string.Create(inv, $"wall_ms={sw.ElapsedMilliseconds} peak_kb={Peak()} tools={report.ToolPages} servers_kept={report.ServersKept} written={report.FilesWritten} unchanged={report.FilesUnchanged} deleted={report.FilesDeleted} gc={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gc_pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:0} alloc_mb={GC.GetTotalAllocatedBytes(true) / (1 << 20)} cpu_ms={Environment.CpuUsage.TotalTime.TotalMilliseconds:0} stages={string.Join(',', report.Stages.Select(s => $"{s.Stage.Replace(' ', '-')}:{s.Time.TotalSeconds:0.00}"))}"));
    return 0;
}
if (argv.Count > 0 && argv[0] == "touch")
{
    // Changes the description of every 100th tool (1%), as a crawl that saw a new definition would.
    // A crawl on a later day: the server pages of the touched servers show the new date of their last crawl.
    var at = DateTimeOffset.Parse(Opt("--at", "2025-06-01T00:00:00Z"), inv);
    using var store = CatalogStore.Open(Opt("--db", "catalog.db"), new Clock(at));
    Synthetic.Touch(store, int.Parse(Opt("--every", "100"), inv), Flag("--clustered"), Flag("--crawl-all"));
    return 0;
}
if (argv.Count == 0 || argv[0] != "site")
{
    Console.Error.WriteLine("usage: bench site --tools N [--work DIR] [--skip-hugo] [--incremental] | bench gen --db FILE --out DIR [--full] | bench touch --db FILE [--every N] [--clustered] [--crawl-all] [--at DATE]");
    return 2;
}

var n = int.Parse(Opt("--tools", "20000"), inv);
var work = Path.GetFullPath(Opt("--work", Path.Combine(Path.GetTempPath(), $"catalog-bench-{n}-{DateTime.UtcNow:yyyyMMddHHmmss}")));
if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
{
    Console.Error.WriteLine($"{work} is not empty; give a new --work folder");
    return 2;
}
Directory.CreateDirectory(work);
var db = Path.Combine(work, "catalog.db");
var sw0 = Stopwatch.StartNew();
using (var store = CatalogStore.Open(db, new Clock(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero))))
    Synthetic.Populate(store, n);
Console.WriteLine($"synthetic store: {n} tools in {sw0.Elapsed.TotalSeconds:0.0}s");

var self = Environment.ProcessPath!;
var selfArgs = self.EndsWith("dotnet", StringComparison.Ordinal) ? new[] { typeof(Synthetic).Assembly.Location } : [];
(double Wall, long PeakKb, double Cpu, string Line) Child(params string[] a)
{
    var (wall, peak, cpu, output) = Timed(self, [.. selfArgs, .. a], work);
    return (wall, peak, cpu, output.Trim());
}

var ours = Child("gen", "--db", db, "--out", Path.Combine(work, "ours"), "--full");
Console.WriteLine($"ours full:  {ours.Line}");
// Incremental runs on the same store and folder: 1% of tools spread over the servers (every 100th; 40% of servers
// hold one), nothing changed, 1% of tools on 1% of servers (every tool of every 100th server), then a crawl of every
// server that finds 1% of tools changed (every server page shows the new crawl).
var incremental = new List<(string Case, (double Wall, long PeakKb, double Cpu, string Line) Run)>();
if (Flag("--incremental"))
{
    foreach (var (name, touch) in new[]
             {
                 ("1% of tools, spread", new[] { "--at", "2025-06-01T00:00:00Z" }),
                 ("nothing changed", null),
                 ("1% of tools, on 1% of servers", ["--clustered", "--at", "2025-07-01T00:00:00Z"]),
                 ("every server crawled, 1% of tools changed", ["--crawl-all", "--at", "2025-08-01T00:00:00Z"]),
             })
    {
        if (touch is not null) Child(["touch", "--db", db, .. touch]);
        var run = Child("gen", "--db", db, "--out", Path.Combine(work, "ours"));
        Console.WriteLine($"ours incr ({name}):  {run.Line}");
        incremental.Add((name, run));
    }
}
(double Wall, long PeakKb, double Cpu)? hugo = null;
if (!Flag("--skip-hugo"))
{
    if (!File.Exists("/usr/bin/hugo")) { Console.Error.WriteLine("hugo not found: apt-get install -y hugo"); return 3; }
    using (var store = CatalogStore.Open(db)) Hugo.WriteProject(store, Path.Combine(work, "hugo"));
    var (wall, peak, cpu, output) = Timed("/usr/bin/hugo", ["--quiet", "--source", Path.Combine(work, "hugo"), "--destination", Path.Combine(work, "hugo-out")], work);
    hugo = (wall, peak, cpu);
    Console.WriteLine($"hugo:       wall_ms={wall:0} peak_kb={peak} {output.Trim()}");
}

Console.WriteLine();
// CPU seconds (user + system) beside wall time: on a shared machine wall time mostly measures the neighbours.
Console.WriteLine($"| {n:N0} tool pages | wall | CPU | peak RSS |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| ours (full) | {ours.Wall / 1000:0.00} s | {ours.Cpu:0.0} s | {ours.PeakKb / 1024.0:0} MiB |");
foreach (var (name, inc) in incremental)
    Console.WriteLine($"| ours (incremental, {name}) | {inc.Wall / 1000:0.00} s ({inc.Wall / ours.Wall:0.000}× full) | {inc.Cpu:0.0} s ({inc.Cpu / ours.Cpu:0.000}× full) | {inc.PeakKb / 1024.0:0} MiB |");
if (hugo is { } h)
{
    Console.WriteLine($"| hugo {HugoVersion()} | {h.Wall / 1000:0.00} s | {h.Cpu:0.0} s | {h.PeakKb / 1024.0:0} MiB |");
    Console.WriteLine($"| ratio ours/hugo | {ours.Wall / h.Wall:0.000}× | {ours.Cpu / h.Cpu:0.000}× | {(double)ours.PeakKb / h.PeakKb:0.000}× |");
}
if (!Flag("--keep")) Directory.Delete(work, recursive: true);
return 0;

static long Peak()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    return -1;
}

static (double WallMs, long PeakKb, double CpuSeconds, string Output) Timed(string file, string[] arguments, string cwd)
{
    // Every program starts with no dirty pages of the one before it still being written back.
    Process.Start("sync")!.WaitForExit();
    var psi = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
    // Our generation runs with the first-generation budget ./catalog sets (Hugo, a Go program, ignores it).
    psi.Environment["DOTNET_GCgen0size"] = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "0x4000000";
    psi.ArgumentList.Add("-v");
    psi.ArgumentList.Add(file);
    foreach (var a in arguments) psi.ArgumentList.Add(a);
    var sw = Stopwatch.StartNew();
    using var p = Process.Start(psi)!;
    var stdout = p.StandardOutput.ReadToEndAsync();
    var stderr = p.StandardError.ReadToEnd();
    p.WaitForExit();
    sw.Stop();
    if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {stderr}");
    long peak = -1;
    double cpu = 0;
    foreach (var raw in stderr.Split('\n'))
    {
        var line = raw.Trim();
        if (line.StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal)) peak = long.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
        if (line.StartsWith("User time (seconds):", StringComparison.Ordinal) || line.StartsWith("System time (seconds):", StringComparison.Ordinal))
            cpu += double.Parse(line.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
    }
    return (sw.Elapsed.TotalMilliseconds, peak, cpu, string.Create(CultureInfo.InvariantCulture, $"cpu_s={cpu:0.00} ") + stdout.Result);
}

static string HugoVersion()
{
    var p = Process.Start(new ProcessStartInfo("/usr/bin/hugo", "version") { RedirectStandardOutput = true })!;
    var v = p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    return v.Split(' ').Skip(1).FirstOrDefault() ?? "";
}

internal sealed class Clock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
