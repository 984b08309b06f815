namespace Catalog.Crawler.Sources;

/// <summary>
/// One server line of an awesome list: its link, the heading it sits under, what its emojis say, and its text.
/// </summary>
/// <param name="RepositoryUrl">The normalised repository (GitHub, GitLab, Codeberg, Bitbucket), null for other sites.</param>
/// <param name="Subfolder">The <c>/tree/&lt;ref&gt;/&lt;path&gt;</c> part of a link into a monorepo.</param>
/// <param name="Categories">The heading above the entry; more than one when the list repeats the entry.</param>
/// <param name="Line">1-based line in the Markdown, for error messages and provenance.</param>
public sealed record AwesomeEntry(
    string Key,
    string Name,
    string Url,
    string? RepositoryUrl,
    string? Subfolder,
    IReadOnlyList<string> Categories,
    string? Anchor,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Platforms,
    bool Official,
    string? Description,
    int Line);
