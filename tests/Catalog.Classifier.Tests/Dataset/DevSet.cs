namespace Catalog.Classifier.Tests.Dataset;

/// <summary>Finds the shared labelled dev set next to the repository (never copied into it).</summary>
internal static class DevSet
{
    public static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Catalog.sln"))) continue;
            var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "labeled-tools.dev.jsonl"));
            return File.Exists(path) ? path : null;
        }
        return null;
    }

    public static IReadOnlyList<LabeledTool> Load(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(LabeledTool.Parse).ToList();
}
