using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Crawler.Sources;

/// <summary>
/// One page of <c>GET /search/repositories</c>. Items stay raw so that one malformed repository is one skipped
/// entry, not a lost page.
/// </summary>
public sealed record GitHubSearchPage(long TotalCount, bool IncompleteResults, IReadOnlyList<JsonElement>? Items);

/// <summary>The repository fields the catalog keeps (<c>GET /repos/{owner}/{repo}</c> and search items).</summary>
public sealed record GitHubRepo(
    long Id,
    string? FullName,
    string? Name,
    string? HtmlUrl,
    string? Description,
    string? Homepage,
    bool Fork,
    bool Archived,
    bool Disabled,
    IReadOnlyList<string>? Topics,
    string? Language,
    GitHubLicense? License,
    long StargazersCount,
    long ForksCount,
    string? DefaultBranch,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? PushedAt,
    long Size);

public sealed record GitHubLicense(string? Key, string? SpdxId);

/// <summary><c>GET /repos/{owner}/{repo}/branches/{branch}</c>: only the head commit is needed.</summary>
public sealed record GitHubBranch(string? Name, GitHubCommitRef? Commit);

public sealed record GitHubCommitRef(string? Sha);

/// <summary>Source-generated (reflection-free) JSON for the GitHub REST shapes above; GitHub names fields in snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 64)]
[JsonSerializable(typeof(GitHubSearchPage))]
[JsonSerializable(typeof(GitHubRepo))]
[JsonSerializable(typeof(GitHubBranch))]
internal sealed partial class GitHubJson : JsonSerializerContext;
