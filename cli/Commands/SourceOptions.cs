using System.CommandLine;
using Catalog.Crawler.Sources;
using Catalog.Data;

namespace Catalog.Cli.Commands;

/// <summary>Which sources to read and how: what <c>--source</c> and its companions asked for.</summary>
internal sealed record SourceSelection(
    IReadOnlyList<string> Kinds,
    string SeedPath,
    Uri RegistryUrl,
    IReadOnlyList<string> Packages,
    int Limit,
    Uri GitHubApi,
    string? GitHubQuery,
    IReadOnlyList<string> GitHubRepos,
    IReadOnlyList<string> AwesomeLists,
    IReadOnlyList<Uri> HtmlPages)
{
    /// <summary>The label a crawl run of these sources is filed under, so an interrupted one resumes.</summary>
    public string Label => "sources:" + string.Join(",", Kinds);
}

/// <summary>
/// <c>--source</c> and the options that go with it, shared by <c>crawl</c> and <c>schedule</c> so both read the
/// same sources the same way.
/// </summary>
internal sealed class SourceOptions
{
    public static readonly string[] Kinds = ["seed", "registry", "npm", "github", "awesome", "html"];

    private readonly Option<string[]> _source = new("--source")
    {
        Description = "Sources to read and merge: seed, registry, npm, github, awesome, html (repeat or comma-separate; default seed)",
        AllowMultipleArgumentsPerToken = true,
    };
    private readonly Option<string> _registryUrl = new("--registry-url") { Description = "The MCP Registry to read", DefaultValueFactory = _ => RegistrySource.DefaultUrl };
    private readonly Option<string[]> _packages = new("--packages") { Description = "npm packages for --source npm (name or name@version)", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string> _githubApi = new("--github-api-url") { Description = "The GitHub REST API (GitHub Enterprise: https://host/api/v3); GITHUB_TOKEN is sent if set", DefaultValueFactory = _ => GitHubClient.DefaultApiUrl };
    private readonly Option<string> _githubQuery = new("--github-query") { Description = "Repository search for --source github (empty: only --github-repos)", DefaultValueFactory = _ => GitHubSource.DefaultQuery };
    private readonly Option<string[]> _githubRepos = new("--github-repos") { Description = "GitHub repositories (owner/repo) to read besides the search", AllowMultipleArgumentsPerToken = true };
    private readonly Option<string[]> _awesomeUrl = new("--awesome-url")
    {
        Description = "Awesome-list READMEs (URL or file) for --source awesome",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [AwesomeListSource.DefaultUrl],
    };
    private readonly Option<string[]> _htmlUrl = new("--html-url") { Description = "HTML directory pages for --source html", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int> _limit = new("--limit") { Description = "At most this many servers per source (0: no limit)" };

    public IEnumerable<Option> All => [_source, _registryUrl, _packages, _githubApi, _githubQuery, _githubRepos, _awesomeUrl, _htmlUrl, _limit];

    /// <summary>What was asked for; no kinds when <c>--source</c> was not given (then the seed list or a config is crawled).</summary>
    public SourceSelection Read(ParseResult parse, string? seedPath)
    {
        var kinds = Split(parse.GetValue(_source)).Distinct().ToList();
        if (kinds.FirstOrDefault(k => !Kinds.Contains(k)) is { } unknown)
            throw new InputException($"--source '{unknown}' is not available; use {string.Join(", ", Kinds)}");
        var htmlPages = Split(parse.GetValue(_htmlUrl)).Select(u => Url(u, "--html-url")).ToList();
        if (kinds.Contains("html") && htmlPages.Count == 0) throw new InputException("--source html needs at least one --html-url");
        return new SourceSelection(kinds, seedPath ?? CommonOptions.DefaultSeeds(), Url(parse.GetValue(_registryUrl)!, "--registry-url"),
            Split(parse.GetValue(_packages)), parse.GetValue(_limit), Url(parse.GetValue(_githubApi)!, "--github-api-url"),
            parse.GetValue(_githubQuery), Split(parse.GetValue(_githubRepos)), Split(parse.GetValue(_awesomeUrl)), htmlPages);
    }

    private static Uri Url(string value, string option) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : throw new InputException($"{option}: '{value}' is not an http(s) URL");

    private static List<string> Split(string[]? values) =>
        (values ?? []).SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
