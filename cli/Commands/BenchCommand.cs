using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Catalog.Classifier;
using Catalog.Classifier.Benchmark;
using Catalog.Data;

namespace Catalog.Cli.Commands;

/// <summary><c>catalog bench classify</c>: tools per second on one core over deterministic synthetic tools.</summary>
internal static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var count = new Option<int>("--count") { Description = "How many synthetic tools to classify", DefaultValueFactory = _ => 100_000 };
        var mode = new Option<string>("--mode") { Description = "combined | rules", DefaultValueFactory = _ => "combined" };
        var warmup = new Option<double>("--warmup")
        {
            Description = "Seconds to warm up before timing, so the JIT has compiled the optimised code (0: one pass over 2000 tools)",
            DefaultValueFactory = _ => 3,
        };
        var classify = new Command("classify", "Classify N synthetic tools on one thread and report tools/s and allocations") { count, mode, warmup };
        classify.SetAction(parse =>
        {
            var n = parse.GetValue(count);
            if (n <= 0) throw new InputException($"--count {n}: must be positive");
            var warmupSeconds = parse.GetValue(warmup);
            if (warmupSeconds < 0) throw new InputException($"--warmup {warmupSeconds}: must not be negative");
            var m = parse.GetValue(mode) switch
            {
                "combined" => ClassifierMode.Combined,
                "rules" => ClassifierMode.Rules,
                var other => throw new InputException($"unknown --mode '{other}' (expected: combined, rules)"),
            };
            var tools = SyntheticTools.Generate(n);
            var classifier = new ToolClassifier(new ClassifierOptions(Mode: m));
            // Warm up the JIT and the per-thread buffers so the timing measures steady state. Tiered compilation
            // replaces a method's first code only after it has run a while, on a background thread that counts as the
            // process's CPU time: a short warm-up times the JIT, not the classifier.
            var warming = Stopwatch.StartNew();
            do
            {
                for (var i = 0; i < Math.Min(2000, n); i++) classifier.Classify(tools[i]);
            }
            while (warming.Elapsed.TotalSeconds < warmupSeconds);
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var checksum = 0;
            foreach (var t in tools) checksum += (int)classifier.Classify(t).Category;
            clock.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var ci = CultureInfo.InvariantCulture;
            console.Out.WriteLine(string.Create(ci, $"classified {n} synthetic tools on one thread in {clock.Elapsed.TotalSeconds:F2} s ({classifier.VersionId}, checksum {checksum})"));
            console.Out.WriteLine(string.Create(ci, $"{n / clock.Elapsed.TotalSeconds:F0} tools/s on one core (wall); {n / cpu.TotalSeconds:F0} tools per CPU-second of the process, GC included; {allocated / n} bytes allocated per tool"));
            return ExitCodes.Ok;
        });
        return new Command("bench", "Benchmarks") { classify };
    }
}
