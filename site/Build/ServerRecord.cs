using System.Text;
using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Output;
using Catalog.Site.Views;

namespace Catalog.Site.Build;

/// <summary>
/// What building one server gave, kept in the store beside its page hashes, so that a server whose stamp did not
/// change is taken as it was without reading its tools' rows: its tools in order (slug and provenance; their list rows
/// are the stored summaries of their pages), the files it published after the tools' own, its warnings, and the crawl
/// attempt its server page shows.
/// </summary>
/// <remarks>
/// The record is stored under <see cref="Path"/> with the key it was built for and becomes current only when the run
/// that wrote it publishes, with the page hashes it points at. Anything that does not match (another key, a tool page
/// without its stored row, a file missing from the site) and the server is built as usual.
/// </remarks>
internal static class ServerRecord
{
    /// <summary>A stored record that matched its key: the tools with their list rows, the files they own, and the rest.</summary>
    public sealed record Contents(
        IReadOnlyList<(ToolSummary Summary, string Encoded, string Provenance)> Tools,
        IReadOnlyList<string> ToolFiles,
        IReadOnlyList<string> ServerFiles,
        IReadOnlyList<string> Warnings,
        string Attempt);

    public static string Path(string serverSlug) => ".servers/" + serverSlug;

    /// <summary>The crawl attempt as the record holds it: what the server page shows of it, as one line.</summary>
    public static string AttemptLine(CrawlAttempt? attempt) => JsonSerializer.Serialize(ServerBuild.AttemptText(attempt));

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
        text.Append("a\t").Append(AttemptLine(built.Summary.Attempt)).Append('\n');
        return text.ToString();
    }

    /// <summary>The server's stored record when it was made for <paramref name="key"/> and every tool page in it has its stored row; null otherwise.</summary>
    public static Contents? Read(CatalogStore store, string site, string slug, string key)
    {
        if (store.GetSitePage(site, Path(slug)) is not { Summary: { } text } record || record.Hash != key) return null;
        var stored = store.GetSitePageHashes(site, SitePaths.ToolFolder(slug) + "/");
        var (toolFiles, serverFiles, warnings) = (new List<string>(), new List<string>(), new List<string>());
        var tools = new List<(ToolSummary, string, string)>();
        string? attempt = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t', 3);
            switch (fields[0])
            {
                case "t" when fields.Length == 3:
                    var page = SitePaths.Tool(slug, fields[2]);
                    if (!stored.TryGetValue(page, out var was) || was.Summary is not { } encoded) return null;
                    toolFiles.Add(page);
                    toolFiles.Add(SitePaths.ToolJson(slug, fields[2]));
                    tools.Add((ToolSummary.Decode(encoded), encoded, fields[1]));
                    break;
                case "f" when fields.Length == 2:
                    serverFiles.Add(fields[1]);
                    break;
                case "w" when fields.Length == 2:
                    warnings.Add(JsonSerializer.Deserialize<string>(fields[1]) ?? "");
                    break;
                case "a" when fields.Length == 2:
                    attempt = fields[1];
                    break;
                default:
                    return null;
            }
        }
        return attempt is null ? null : new Contents(tools, toolFiles, serverFiles, warnings, attempt);
    }

    /// <summary>Takes the whole server as its record says, when every file it lists is still published; null otherwise.</summary>
    public static ServerOutput? Keep(SiteWriter writer, Contents record, Server server, (string Name, string Slug) names, CrawlAttempt? attempt)
    {
        var slug = names.Slug;
        var files = writer.StartBatch();
        files.ListFolder(SitePaths.ToolFolder(slug));
        files.ListFolder(SitePaths.ToolJsonFolder(slug));
        if (!files.KeepAll([.. record.ToolFiles, .. record.ServerFiles])) return null;
        List<string> pages = [.. record.Tools.Select(t => SitePaths.Tool(slug, t.Summary.Slug)), SitePaths.Server(slug)];
        return new ServerOutput(files, [], record.Tools, pages, ServerBuild.Summarize(server, names.Name, slug, record.Tools, attempt),
            new SlugMap(record.Tools.Select(t => t.Summary.Name)), record.Warnings, Kept: true);
    }
}
