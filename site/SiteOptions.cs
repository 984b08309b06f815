namespace Catalog.Site;

/// <summary>Options for one generation.</summary>
/// <param name="BaseUrl">Absolute http(s) URL the site is served from, used for the sitemap, canonical links and the
/// 404 page; without it those use root-relative URLs.</param>
/// <param name="EvalReport">The <c>catalog eval --write-report</c> file the methodology page shows; null: the committed
/// <c>data/seed/eval-report.json</c> (beside the binary, else under the working directory).</param>
public sealed record SiteOptions(string? BaseUrl = null, string? EvalReport = null)
{
    /// <summary>The evaluation report to show, or null when there is none.</summary>
    public string? EvalReportPath =>
        EvalReport ?? new[] { Path.Combine(AppContext.BaseDirectory, "seed", "eval-report.json"), Path.Combine("data", "seed", "eval-report.json") }
            .FirstOrDefault(File.Exists);

    /// <summary>The base URL with a trailing slash, or null when none (or an unusable one) was given.</summary>
    public string? NormalizedBaseUrl =>
        Rendering.Html.SafeExternalUrl(BaseUrl) is { } url ? (url.EndsWith('/') ? url : url + "/") : null;
}

/// <summary>What one generation did.</summary>
/// <param name="Warnings">Inconsistencies found in the store (e.g. a tool's policy and its server's policy disagree),
/// sorted; the site still renders, stating only what is consistent.</param>
public sealed record SiteReport(
    int ToolPages,
    int ServerPages,
    int FilesWritten,
    int FilesUnchanged,
    int FilesDeleted,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Wall time of each stage of the run, in order (servers, lists, search index, other pages, publish).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> Stages { get; init; } = [];

    /// <summary>Servers kept on their stamp without reading their tools' rows (whole, or with only the server page rendered again).</summary>
    public int ServersKept { get; init; }
}
