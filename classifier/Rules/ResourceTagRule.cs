using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// Tags that need the name and the arguments together: a local file tool (file words plus a path argument) touches
/// the filesystem; a fetch with a URL argument reaches the open web.
/// </summary>
internal sealed class ResourceTagRule : IRule
{
    private static readonly HashSet<string> FileWords = new(StringComparer.Ordinal)
    {
        "file", "files", "directory", "directories", "folder", "folders", "dir", "path", "filesystem", "fs",
    };

    private static readonly HashSet<string> FetchWords = new(StringComparer.Ordinal)
    {
        "fetch", "scrape", "crawl", "browse", "navigate", "download", "extract", "map", "screenshot", "read", "get",
    };

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        var pathParam = facts.Property(p => p.Depth == 0 && p.Tokens.Count > 0 && p.Tokens[^1] is "path" or "paths" or "filepath" or "directory" or "dir");
        if (pathParam is not null && FileWords.ContainsAnyOf(facts.NameTokens))
            sink.Tag(CapabilityTags.Filesystem, Sources.Schema, pathParam.Name, 0.7);
        else if (facts.FindPhrase("file system") is var fs and >= 0)
            sink.Tag(CapabilityTags.Filesystem, Sources.Description, facts.Quote(fs, "file system".Length), 0.6);
        else if (facts.FindPhrase("filesystem") is var f2 and >= 0)
            sink.Tag(CapabilityTags.Filesystem, Sources.Description, facts.Quote(f2, "filesystem".Length), 0.6);

        var urlParam = facts.Property(p => p.Depth == 0 && p.Tokens.Count > 0 && p.Tokens[^1] is "url" or "urls" or "uri");
        if (urlParam is not null && FetchWords.ContainsAnyOf(facts.NameTokens))
            sink.Tag(CapabilityTags.OpenWorld, Sources.Schema, urlParam.Name, 0.7);
        else
        {
            foreach (var phrase in (ReadOnlySpan<string>)["web page", "search the web", "the internet"])
            {
                var at = facts.FindPhrase(phrase);
                if (at < 0) continue;
                sink.Tag(CapabilityTags.OpenWorld, Sources.Description, facts.Quote(at, phrase.Length), 0.6);
                break;
            }
        }
    }
}
