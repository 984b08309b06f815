using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Catalog.Crawler.Http;

namespace Catalog.Crawler.Sources;

/// <summary>
/// A small typed GitHub REST client (no Octokit) over <see cref="HttpFetcher"/>, which brings the ETag cache, the
/// rate-limit waits and the retries. The token goes only into this client's own fetcher, so it is sent to the API
/// host and nowhere else: a <c>link</c> header pointing at another host is not followed, and HttpClient drops
/// <c>Authorization</c> on the tarball's redirect to codeload. The token is never logged or stored.
/// </summary>
public sealed partial class GitHubClient
{
    public const string DefaultApiUrl = "https://api.github.com";
    private readonly HttpFetcher _http;
    private readonly Uri _api;

    /// <param name="api">The API root: <c>https://api.github.com</c>, or <c>https://host/api/v3</c> for GitHub Enterprise.</param>
    public GitHubClient(HttpFetcher http, Uri api, string? token)
    {
        _http = http;
        _api = new Uri(api.AbsoluteUri.TrimEnd('/') + "/");
        http.Headers["Accept"] = "application/vnd.github+json";
        http.Headers["X-GitHub-Api-Version"] = "2022-11-28";
        http.Headers.TryAdd("User-Agent", "mcp-risk-catalog/1.0");
        if (!string.IsNullOrWhiteSpace(token)) http.Headers["Authorization"] = "Bearer " + token.Trim();
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex NamePart();

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex Sha();

    /// <summary>An owner or repository name that is safe in a URL path and a cache folder name.</summary>
    public static bool IsName(string s) => NamePart().IsMatch(s) && s is not ("." or "..");

    public static bool IsSha(string s) => Sha().IsMatch(s);

    public Uri SearchUrl(string query) => Api($"search/repositories?q={Uri.EscapeDataString(query)}&per_page=100");

    /// <summary>One search page and the next page's URL (from <c>link</c>, only when it stays on the API host).</summary>
    public async Task<(GitHubSearchPage? Page, Uri? Next, string? Error)> SearchAsync(Uri url, CancellationToken ct)
    {
        var fetched = await _http.GetAsync(url, conditional: true, ct);
        var next = HttpFetcher.NextLink(fetched.Link) is { } n && SameOrigin(n) ? n : null;
        if (!fetched.Ok) return (null, next, fetched.Error ?? $"HTTP {(int)fetched.Status}");
        var (page, error) = Parse(fetched.Body, GitHubJson.Default.GitHubSearchPage);
        return (page, next, error);
    }

    public async Task<(GitHubRepo? Repo, string? Error)> RepoAsync(string owner, string repo, CancellationToken ct)
    {
        var fetched = await _http.GetAsync(Api($"repos/{owner}/{repo}"), conditional: true, ct);
        if (!fetched.Ok) return (null, fetched.Error ?? $"HTTP {(int)fetched.Status}");
        return Parse(fetched.Body, GitHubJson.Default.GitHubRepo);
    }

    /// <summary>The commit at the head of <paramref name="branch"/>: the tarball is pinned to it.</summary>
    public async Task<(string? Sha, string? Error)> HeadShaAsync(string owner, string repo, string branch, CancellationToken ct)
    {
        var fetched = await _http.GetAsync(Api($"repos/{owner}/{repo}/branches/{Uri.EscapeDataString(branch)}"), conditional: true, ct);
        if (!fetched.Ok) return (null, fetched.Error ?? $"HTTP {(int)fetched.Status}");
        var (b, error) = Parse(fetched.Body, GitHubJson.Default.GitHubBranch);
        if (error is not null) return (null, error);
        return b?.Commit?.Sha is { } sha && IsSha(sha) ? (sha, null) : (null, "branch answer has no commit sha");
    }

    /// <summary>The source archive of one commit (GitHub answers 302 to codeload; HttpClient follows it).</summary>
    public async Task<(byte[]? Body, string? Error)> TarballAsync(string owner, string repo, string sha, CancellationToken ct)
    {
        var fetched = await _http.GetAsync(Api($"repos/{owner}/{repo}/tarball/{sha}"), conditional: false, ct);
        return fetched.Ok ? (fetched.Body, null) : (null, fetched.Error ?? $"HTTP {(int)fetched.Status}");
    }

    /// <summary>Reads a raw search item; a wrong type or a missing name is that entry's error.</summary>
    public static (GitHubRepo? Repo, string? Error) Item(JsonElement item)
    {
        try
        {
            var repo = item.Deserialize(GitHubJson.Default.GitHubRepo);
            return repo is not null && IsValid(repo) ? (repo, null) : (null, "repository without a valid full_name");
        }
        catch (JsonException ex)
        {
            return (null, $"malformed repository: {ex.Message}");
        }
    }

    /// <summary>A repository whose <c>full_name</c> is a safe <c>owner/repo</c>.</summary>
    public static bool IsValid(GitHubRepo repo) => repo.FullName?.Split('/') is [var o, var r] && IsName(o) && IsName(r);

    private static (T? Value, string? Error) Parse<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return (JsonSerializer.Deserialize(body, type), null);
        }
        catch (JsonException ex)
        {
            return (default, $"malformed JSON: {ex.Message}");
        }
    }

    private Uri Api(string relative) => new(_api, relative);

    private bool SameOrigin(Uri u) => u.Scheme == _api.Scheme && string.Equals(u.Authority, _api.Authority, StringComparison.OrdinalIgnoreCase);
}
