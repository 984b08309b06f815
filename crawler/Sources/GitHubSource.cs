using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Crawler.Archives;
using Catalog.Crawler.Launch;
using Catalog.Data.Model;

namespace Catalog.Crawler.Sources;

/// <summary>
/// GitHub: repositories from a topic search (split past 1,000 results, see <see cref="GitHubSearch"/>) and/or named
/// ones, each with its metadata (stars, license, archived, default branch, pushed_at) kept in the record's document
/// under <see cref="MetaKey"/>. Tools come from static extraction of the default branch's tarball, pinned to its
/// head commit and extracted once per <c>owner/repo@sha</c>. Archived repositories get status <c>archived</c>.
/// </summary>
public sealed class GitHubSource(GitHubClient github, string cacheRoot, GitHubSource.Settings? settings = null, TimeProvider? clock = null) : IServerSource
{
    /// <summary>Our namespaced <c>_meta</c> key, as the registry asks downstream catalogs to use for their own data.</summary>
    public const string MetaKey = "io.github.mcp-risk-catalog/github";
    public const string DefaultQuery = "topic:mcp-server";
    private const string Marker = ".extracted";

    public sealed record Settings
    {
        /// <summary>The search query (qualifiers allowed); null reads only <see cref="Repos"/>.</summary>
        public string? Query { get; init; } = DefaultQuery;
        /// <summary>Repositories to read by name (<c>owner/repo</c> or a GitHub URL) besides the search.</summary>
        public IReadOnlyList<string> Repos { get; init; } = [];
        /// <summary>At most this many repositories from the search (0: no limit).</summary>
        public int Limit { get; init; }
        /// <summary>Download and extract tarballs for static extraction; off, records carry no launch.</summary>
        public bool Tarballs { get; init; } = true;
        /// <summary>Repositories larger than this (GitHub's <c>size</c>, in KB) are not downloaded.</summary>
        public long MaxRepoKb { get; init; } = 100_000;
        /// <summary>First day of the <c>created:</c> grid; no repository is older.</summary>
        public DateOnly Epoch { get; init; } = new(2008, 1, 1);
        /// <summary>Days the grid spans (a power of two keeps every split on the same boundaries).</summary>
        public int GridDays { get; init; } = 16384;
        /// <summary>Bounds a search whatever GitHub answers.</summary>
        public int MaxSearchRequests { get; init; } = 3000;
        public TarballLimits TarballLimits { get; init; } = new();
    }

    public string Name => "github";

    /// <summary>Tarballs downloaded by this source (a commit already extracted in the cache is not downloaded again).</summary>
    public int TarballDownloads { get; private set; }

    /// <summary>
    /// The GitHub repositories other sources name (awesome lists, directory pages), so this source can read them too:
    /// an entry that only names a repository then gets its metadata and a tarball to extract tools from.
    /// </summary>
    public static IReadOnlyList<string> ReposNamedBy(IEnumerable<SourceRead> reads) =>
        reads.SelectMany(r => r.Records).Select(r => r.Record.Server.RepositoryUrl)
            .OfType<string>().Where(u => RepoUrl.GitHub(u) is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public async Task<SourceRead> ReadAsync(CancellationToken ct)
    {
        var s = settings ?? new Settings();
        var errors = new List<SourceError>();
        var repos = new List<GitHubRepo>();
        if (s.Query is { Length: > 0 } query)
        {
            var (found, searchErrors) = await new GitHubSearch(github, s, clock ?? TimeProvider.System).RunAsync(query, ct);
            repos.AddRange(found);
            errors.AddRange(searchErrors);
        }
        foreach (var named in s.Repos.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (RepoUrl.GitHub(named) is not var (owner, name) || !GitHubClient.IsName(owner) || !GitHubClient.IsName(name))
            {
                errors.Add(new SourceError(named, "not a GitHub owner/repo"));
                continue;
            }
            if (repos.Any(r => string.Equals(r.FullName, $"{owner}/{name}", StringComparison.OrdinalIgnoreCase))) continue;
            var (repo, error) = await github.RepoAsync(owner, name, ct);
            if (repo is not null && GitHubClient.IsValid(repo)) repos.Add(repo);
            else errors.Add(new SourceError($"{owner}/{name}", error ?? "repository without a valid full_name"));
        }
        var records = new List<SourcedRecord>();
        foreach (var repo in repos.OrderBy(r => r.FullName, StringComparer.OrdinalIgnoreCase))
        {
            records.Add(await RecordAsync(repo, s, errors, ct));
        }
        return new SourceRead(Name, records, errors, new Dictionary<string, string>());
    }

    private async Task<SourcedRecord> RecordAsync(GitHubRepo repo, Settings s, List<SourceError> errors, CancellationToken ct)
    {
        var (owner, name) = (repo.FullName!.Split('/')[0], repo.FullName.Split('/')[1]);
        var key = repo.FullName.ToLowerInvariant();
        string? sha = null;
        LaunchSpec launch;
        if (!s.Tarballs) launch = new NoLaunch("GitHub tarballs were not requested");
        else if (repo.Size > s.MaxRepoKb) launch = new NoLaunch($"repository is {repo.Size} KB, over the {s.MaxRepoKb} KB limit for static extraction");
        else
        {
            string? error;
            (sha, error) = repo.DefaultBranch is { Length: > 0 } branch ? await github.HeadShaAsync(owner, name, branch, ct) : (null, "no default branch (empty repository)");
            string? folder = null;
            if (sha is not null) (folder, error) = await TreeAsync(owner, name, sha, s, ct);
            if (error is not null) errors.Add(new SourceError(key, error));
            launch = folder is not null ? new SourceTreeLaunch(folder, null) : new NoLaunch(error ?? "no source tree");
        }
        var server = ToServer(repo, key, sha);
        return new SourcedRecord(Name, key, repo.Archived || repo.Disabled ? "archived" : "active", new SourceRecord(server, launch));
    }

    /// <summary>The extracted tree of one commit, from the cache when that commit was extracted before.</summary>
    private async Task<(string? Folder, string? Error)> TreeAsync(string owner, string name, string sha, Settings s, CancellationToken ct)
    {
        var folder = Path.Combine(cacheRoot, "static", "github", owner.ToLowerInvariant(), name.ToLowerInvariant() + "@" + sha);
        if (File.Exists(Path.Combine(folder, Marker))) return (folder, null);
        TarballDownloads++;
        var (body, error) = await github.TarballAsync(owner, name, sha, ct);
        if (body is null) return (null, "tarball: " + error);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var result = await SafeTarball.ExtractAsync(new MemoryStream(body), folder, s.TarballLimits, ct);
        if (result.Error is not null) return (null, "tarball: " + result.Error);
        await File.WriteAllTextAsync(Path.Combine(folder, Marker), $"{owner}/{name}@{sha}", ct);
        return (folder, null);
    }

    /// <summary>A server.json-shaped record: GitHub's facts under our own <c>_meta</c> key, never as publisher data.</summary>
    public static Server ToServer(GitHubRepo repo, string key, string? sha)
    {
        var url = "https://github.com/" + key;
        var description = repo.Description is { Length: > 1000 } d ? d[..1000] : repo.Description;
        var website = Uri.TryCreate(repo.Homepage, UriKind.Absolute, out var home) && home.Scheme is "https" or "http" ? home.AbsoluteUri : null;
        var meta = new JsonObject
        {
            ["stars"] = repo.StargazersCount,
            ["forks"] = repo.ForksCount,
            ["license"] = repo.License?.SpdxId ?? repo.License?.Key,
            ["archived"] = repo.Archived,
            ["fork"] = repo.Fork,
            ["defaultBranch"] = repo.DefaultBranch,
            ["commit"] = sha,
            ["language"] = repo.Language,
            ["topics"] = new JsonArray((repo.Topics ?? []).Take(50).Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["createdAt"] = Time(repo.CreatedAt),
            ["pushedAt"] = Time(repo.PushedAt),
        };
        var doc = new JsonObject
        {
            ["name"] = "io.github." + key,
            ["title"] = repo.Name,
            ["description"] = description,
            ["repository"] = new JsonObject { ["url"] = url, ["source"] = "github", ["id"] = repo.Id.ToString(CultureInfo.InvariantCulture) },
            ["websiteUrl"] = website,
            ["_meta"] = new JsonObject { [MetaKey] = meta },
        };
        return new Server("github.com/" + key, repo.FullName!, repo.Name, description, null, url, website, [], "github", doc.ToJsonString());
    }

    private static string? Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
