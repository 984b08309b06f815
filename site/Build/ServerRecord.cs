using System.Text;
using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Output;
using Catalog.Site.Views;

namespace Catalog.Site.Build;

/// <summary>
/// What building one server gave, kept in the store beside its page hashes, so that a server whose stamp did not
/// change is taken as it was without reading its rows: its tools in order (slug and provenance; their list rows are
/// the stored summaries of their pages), the files it published after the tools' own, and its warnings.
/// </summary>
/// <remarks>
/// The record is stored under <see cref="Path"/> with the key it was built for and becomes current only when the run
/// that wrote it publishes, with the page hashes it points at. Anything that does not match (another key, a tool page
/// without its stored row, a file missing from the site) and the server is built as usual.
/// </remarks>
internal static class ServerRecord
{
    public static string Path(string serverSlug) => ".servers/" + serverSlug;

    /// <summary>The record of a server just built, or null when its files are not in the expected order.</summary>
    public static string? Of(ServerOutput built)
    {
        var slug = built.Summary.Slug;
        var paths = built.Files.Paths;
        var text = new StringBuilder();
        for (var i = 0; i < built.Tools.Count; i++)
        {
            var (summary, _, provenance) = built.Tools[i];
            if (paths.Count < 2 * (i + 1) || paths[2 * i] != SitePaths.Tool(slug, summary.Slug) || paths[2 * i + 1] != SitePaths.ToolJson(slug, summary.Slug))
                return null;
            text.Append("t\t").Append(provenance).Append('\t').Append(summary.Slug).Append('\n');
        }
        foreach (var path in paths.Skip(2 * built.Tools.Count)) text.Append("f\t").Append(path).Append('\n');
        foreach (var warning in built.Warnings) text.Append("w\t").Append(JsonSerializer.Serialize(warning)).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Takes a server as its record says, when the record was made for <paramref name="key"/> and every file it lists
    /// is still published; null otherwise.
    /// </summary>
    public static ServerOutput? Keep(CatalogStore store, SiteWriter writer, string site, Server server, (string Name, string Slug) names, CrawlAttempt? attempt, string key)
    {
        var slug = names.Slug;
        if (store.GetSitePage(site, Path(slug)) is not { Summary: { } text } record || record.Hash != key) return null;
        var stored = store.GetSitePageHashes(site, SitePaths.ToolFolder(slug) + "/");
        var (paths, serverFiles, warnings) = (new List<string>(), new List<string>(), new List<string>());
        var tools = new List<(ToolSummary, string, string)>();
        var pages = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t', 3);
            switch (fields[0])
            {
                case "t" when fields.Length == 3:
                    var page = SitePaths.Tool(slug, fields[2]);
                    if (!stored.TryGetValue(page, out var was) || was.Summary is not { } encoded) return null;
                    paths.Add(page);
                    paths.Add(SitePaths.ToolJson(slug, fields[2]));
                    pages.Add(page);
                    tools.Add((ToolSummary.Decode(encoded), encoded, fields[1]));
                    break;
                case "f" when fields.Length == 2:
                    serverFiles.Add(fields[1]);
                    break;
                case "w" when fields.Length == 2:
                    warnings.Add(JsonSerializer.Deserialize<string>(fields[1]) ?? "");
                    break;
                default:
                    return null;
            }
        }
        var files = writer.StartBatch();
        files.ListFolder(SitePaths.ToolFolder(slug));
        files.ListFolder(SitePaths.ToolJsonFolder(slug));
        if (!files.KeepAll([.. paths, .. serverFiles])) return null;
        pages.Add(SitePaths.Server(slug));
        return new ServerOutput(files, [], tools, pages, ServerBuild.Summarize(server, names.Name, slug, tools, attempt),
            new SlugMap(tools.Select(t => t.Item1.Name)), warnings, Kept: true);
    }
}
