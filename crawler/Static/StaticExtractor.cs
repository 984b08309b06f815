using Catalog.Data.Model;

namespace Catalog.Crawler.Static;

/// <summary>Caps for one tree walk: the tree is untrusted.</summary>
public sealed record StaticLimits
{
    public int MaxFiles { get; init; } = 5000;
    public long MaxFileBytes { get; init; } = 1024 * 1024;
    public int MaxTools { get; init; } = 2000;
}

/// <summary>
/// Lists a server's tools from its source tree without running anything. Order of evidence: tool snapshots and
/// manifests, then declarations in code (TypeScript, Python, Go, C#, Rust; constants resolved across the tree), and
/// only when those find nothing, README tool lists. A name found twice keeps the most faithful, surest definition.
/// </summary>
public static class StaticExtractor
{
    private static readonly HashSet<string> SkipFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "node_modules", ".git", "test", "tests", "__tests__", "spec", "examples", "example", "vendor", "target", "bin", "obj", ".venv", "venv",
    };

    public static IReadOnlyList<ExtractedTool> Extract(string root, string? subfolder = null, StaticLimits? limits = null)
    {
        var l = limits ?? new StaticLimits();
        var full = Path.GetFullPath(root);
        var start = full;
        if (subfolder is not null)
        {
            var sub = Path.GetFullPath(Path.Combine(full, subfolder));
            if (sub.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Directory.Exists(sub)) start = sub;
        }
        var files = Walk(start, l).ToList();
        var texts = new List<(string Rel, string Ext, string Text)>();
        foreach (var f in files)
        {
            string text;
            try { text = File.ReadAllText(f); }
            catch (IOException) { continue; }
            texts.Add((Path.GetRelativePath(full, f).Replace('\\', '/'), Path.GetExtension(f).ToLowerInvariant(), text));
        }

        var symbols = new SymbolTable();
        foreach (var (_, ext, text) in texts)
        {
            switch (ext)
            {
                case ".ts" or ".js" or ".mjs" or ".cjs" or ".tsx": TypeScriptExtractor.CollectSymbols(text, symbols); break;
                case ".py": PythonExtractor.CollectSymbols(text, symbols); break;
                case ".go": GoExtractor.CollectSymbols(text, symbols); break;
                case ".cs": CSharpExtractor.CollectSymbols(text, symbols); break;
            }
        }

        var found = new List<ExtractedTool>();
        foreach (var (rel, ext, text) in texts)
        {
            var name = Path.GetFileName(rel);
            IEnumerable<ExtractedTool> tools = ext switch
            {
                ".snap" when rel.Contains("__toolsnaps__/", StringComparison.Ordinal) => ManifestExtractor.Snapshot(rel, text),
                ".json" when name is "manifest.json" or "server-card.json" => ManifestExtractor.Manifest(rel, text),
                ".ts" or ".js" or ".mjs" or ".cjs" or ".tsx" => TypeScriptExtractor.Extract(rel, text, symbols),
                ".py" => PythonExtractor.Extract(rel, text, symbols),
                ".go" => GoExtractor.Extract(rel, text, symbols),
                ".cs" => CSharpExtractor.Extract(rel, text, symbols),
                ".rs" => RustExtractor.Extract(rel, text, symbols),
                _ => [],
            };
            found.AddRange(tools);
            if (found.Count > l.MaxTools * 4) break;
        }
        if (found.Count == 0)
        {
            foreach (var (rel, _, text) in texts.Where(t => Path.GetFileName(t.Rel).Equals("README.md", StringComparison.OrdinalIgnoreCase)).OrderBy(t => t.Rel.Length))
                found.AddRange(ManifestExtractor.Readme(rel, text));
        }
        return found
            .GroupBy(t => t.Definition.Name, StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => Rank(t.Provenance)).ThenByDescending(t => t.Confidence).ThenBy(t => t.Location, StringComparer.Ordinal).First())
            .OrderBy(t => t.Definition.Name, StringComparer.Ordinal)
            .Take(l.MaxTools)
            .ToList();
    }

    private static int Rank(Provenance p) => p switch { Provenance.Manifest => 0, Provenance.Static => 1, _ => 2 };

    private static IEnumerable<string> Walk(string start, StaticLimits l)
    {
        var count = 0;
        var pending = new Stack<string>([start]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try { entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList(); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            foreach (var e in entries)
            {
                if (e.LinkTarget is not null) continue; // never follow links out of the tree
                if (e is DirectoryInfo d)
                {
                    if (!SkipFolders.Contains(d.Name) || d.Name == "__toolsnaps__") pending.Push(d.FullName);
                    continue;
                }
                var f = (FileInfo)e;
                if (f.Length > l.MaxFileBytes || f.Name.EndsWith(".d.ts", StringComparison.Ordinal) || f.Name.EndsWith(".min.js", StringComparison.Ordinal)
                    || f.Name.Contains(".test.", StringComparison.Ordinal) || f.Name.Contains(".spec.", StringComparison.Ordinal) || f.Name.EndsWith("_test.go", StringComparison.Ordinal)
                    || f.Name.StartsWith("test_", StringComparison.Ordinal)) continue;
                if (++count > l.MaxFiles) yield break;
                yield return f.FullName;
            }
        }
    }
}
