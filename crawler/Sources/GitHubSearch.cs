using System.Globalization;

namespace Catalog.Crawler.Sources;

/// <summary>
/// Walks a repository search past GitHub's 1,000-result cap: when a query has more, it is split on
/// <c>created:</c> ranges, each halved until it holds at most 1,000. The ranges lie on a fixed grid of days from
/// <see cref="Settings.Epoch"/>, so the same query asks the same URLs run after run and the ETag cache answers them
/// with 304s. A single day over the cap is read up to the cap and reported.
/// </summary>
internal sealed class GitHubSearch(GitHubClient github, GitHubSource.Settings settings, TimeProvider clock)
{
    public const int Cap = 1000;
    private readonly List<SourceError> _errors = [];
    private readonly List<GitHubRepo> _found = [];
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private int _requests;

    /// <summary>Search requests sent (first pages and following pages).</summary>
    public int Requests => _requests;

    public async Task<(IReadOnlyList<GitHubRepo> Repos, IReadOnlyList<SourceError> Errors)> RunAsync(string query, CancellationToken ct)
    {
        var (page, next, error) = await SearchAsync(query, ct);
        if (page is null)
        {
            _errors.Add(new SourceError($"search '{query}'", error!));
        }
        else if (page.TotalCount <= Cap)
        {
            await TakeAsync(query, page, next, ct);
        }
        else
        {
            var from = settings.Epoch;
            var half = settings.GridDays / 2;
            await RangeAsync(query, from, from.AddDays(half - 1), ct);
            await RangeAsync(query, from.AddDays(half), from.AddDays(settings.GridDays - 1), ct);
        }
        return (_found, _errors);
    }

    private async Task RangeAsync(string query, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (from > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) || Full) return;
        var q = $"{query} created:{Day(from)}..{Day(to)}";
        if (_requests >= settings.MaxSearchRequests)
        {
            _errors.Add(new SourceError($"search '{q}'", $"stopped after {settings.MaxSearchRequests} search requests"));
            return;
        }
        var (page, next, error) = await SearchAsync(q, ct);
        if (page is null)
        {
            _errors.Add(new SourceError($"search '{q}'", error!));
            return;
        }
        if (page.TotalCount > Cap && from < to)
        {
            var mid = from.AddDays((to.DayNumber - from.DayNumber + 1) / 2);
            await RangeAsync(query, from, mid.AddDays(-1), ct);
            await RangeAsync(query, mid, to, ct);
            return;
        }
        if (page.TotalCount > Cap) _errors.Add(new SourceError($"search '{q}'", $"{page.TotalCount} repositories created on one day; only the first {Cap} are read"));
        await TakeAsync(q, page, next, ct);
    }

    /// <summary>
    /// Reads the page in hand and follows <c>rel="next"</c> until it is absent (10 pages make 1,000). A page that
    /// fails is reported and the walk goes on when its answer still carried the next link.
    /// </summary>
    private async Task TakeAsync(string q, GitHubSearchPage? page, Uri? next, CancellationToken ct)
    {
        for (var n = 1; n <= Cap / 100; n++)
        {
            if (page is not null)
            {
                if (page.IncompleteResults) _errors.Add(new SourceError($"search '{q}' page {n}", "GitHub says the results are incomplete (search timed out)"));
                var items = page.Items ?? [];
                for (var i = 0; i < items.Count && !Full; i++)
                {
                    var (repo, error) = GitHubClient.Item(items[i]);
                    if (repo is null) _errors.Add(new SourceError($"search '{q}' page {n} item {i}", error!));
                    else if (_seen.Add(repo.FullName!)) _found.Add(repo);
                }
                if (items.Count == 0) return;
            }
            if (next is not { } url || Full || n == Cap / 100) return;
            _requests++;
            string? pageError;
            (page, next, pageError) = await github.SearchAsync(url, ct);
            if (page is null) _errors.Add(new SourceError($"search '{q}' page {n + 1}", pageError!));
        }
    }

    private async Task<(GitHubSearchPage?, Uri?, string?)> SearchAsync(string q, CancellationToken ct)
    {
        _requests++;
        return await github.SearchAsync(github.SearchUrl(q), ct);
    }

    private bool Full => settings.Limit > 0 && _found.Count >= settings.Limit;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
