namespace Catalog.Cli.Stages;

internal static class SourceLabels
{
    /// <summary>The label a crawl run is filed under; a run with the same label resumes an interrupted one.</summary>
    public static string For(string kind, string path) => $"{kind}:{Path.GetFullPath(path)}";
}
