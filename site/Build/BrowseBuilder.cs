using Catalog.Data.Model;
using Catalog.Data.Store;
using Catalog.Site.Output;
using Catalog.Site.Pages;
using Catalog.Site.Views;

namespace Catalog.Site.Build;

/// <summary>
/// Writes the paginated tool lists (all tools, and one list per category, class, tag and "has findings") while the
/// tool rows stream past: each list holds one page of rows at a time. Totals come from <see cref="SiteStats"/>, so
/// every page knows how many pages its list has. A page whose rows did not change is kept without rendering.
/// </summary>
public sealed class BrowseBuilder
{
    private readonly SiteWriter _writer;
    private readonly CatalogStore _store;
    private readonly string _site;
    private readonly SiteOptions _options;
    private readonly PageList _pages;
    private readonly Dictionary<string, (string Hash, string? Summary)> _stored;
    private readonly List<(string, string, string?)> _pending = [];
    private readonly SiteWriter.Batch _files;
    private readonly List<Facet> _facets = [];

    private sealed class Facet(string first, string title, string intro, int total, Func<ToolSummary, bool> includes, bool search)
    {
        public string First { get; } = first;
        public string Title { get; } = title;
        public string Intro { get; } = intro;
        public int Total { get; } = total;
        public Func<ToolSummary, bool> Includes { get; } = includes;
        public bool Search { get; } = search;
        public List<ToolSummary> Rows { get; } = new(SiteGenerator.PageSize);
        public int Page { get; set; }
        public int Pages => Math.Max(1, (Total + SiteGenerator.PageSize - 1) / SiteGenerator.PageSize);
    }

    public BrowseBuilder(SiteWriter writer, CatalogStore store, string site, bool full, SiteStats stats, SiteOptions options, PageList pages)
    {
        _writer = writer;
        _store = store;
        _site = site;
        _options = options;
        _pages = pages;
        _files = writer.StartBatch();
        _stored = full ? [] : store.GetSitePageHashes(site, "browse/");
        if (!full) foreach (var (k, v) in store.GetSitePageHashes(site, SitePaths.Tools)) _stored[k] = v;

        _facets.Add(new(SitePaths.Tools, "All tools", $"All {stats.Tools} tools in the catalog, by server.", stats.Tools, _ => true, true));
        foreach (var c in Enum.GetValues<Category>())
            _facets.Add(new(SitePaths.ByCategory(c), $"{c} tools", $"Tools in category {c}: {Text.Words.CategoryMeaning(c)}.", stats.ByCategory.GetValueOrDefault(c), t => t.Category == c, false));
        foreach (var r in Enum.GetValues<RiskClass>())
            _facets.Add(new(SitePaths.ByRisk(r), $"Risk class {r}", $"Tools in risk class {r}.", stats.ByRisk.GetValueOrDefault(r), t => t.Risk == r, false));
        foreach (var tag in CapabilityTags.All)
            _facets.Add(new(SitePaths.ByTag(tag)!, $"Tools tagged {tag}", $"Tools tagged {tag}: {Text.Words.TagMeaning(tag)}.", stats.ByTag.GetValueOrDefault(tag), t => t.Tags.Contains(tag), false));
        _facets.Add(new(SitePaths.Findings, "Tools with findings", "Tools whose definitions have at least one finding: prompt injection, hidden text, annotations that contradict the evidence, changed behaviour.", stats.WithFindings, t => t.Findings > 0, false));
    }

    public void Add(ToolSummary tool)
    {
        foreach (var f in _facets)
        {
            if (!f.Includes(tool)) continue;
            f.Rows.Add(tool);
            if (f.Rows.Count == SiteGenerator.PageSize) Flush(f);
        }
    }

    /// <summary>Writes the last page of every list. Touches neither the store nor the manifest (see <see cref="Commit"/>), so it may run beside the search index.</summary>
    public void Finish()
    {
        foreach (var f in _facets)
            if (f.Rows.Count > 0 || f.Page == 0) Flush(f);
    }

    /// <summary>Records the pages written or kept and their new hashes (on the generator's thread).</summary>
    public void Commit()
    {
        _store.SavePendingSitePageHashes(_site, _pending);
        Record();
    }

    /// <summary>
    /// Keeps every published list page as it is, for a run in which no tool's row changed (the pages are made from
    /// the rows and the totals only); false, with nothing kept, when a page is missing.
    /// </summary>
    public bool KeepWhole()
    {
        var paths = _facets.SelectMany(f => Enumerable.Range(1, f.Pages).Select(p => SitePaths.Paged(f.First, p))).ToList();
        if (!_files.KeepAll(paths)) return false;
        Record();
        return true;
    }

    /// <summary>The pages go to the manifest and the sitemap in path order, however they were produced.</summary>
    private void Record()
    {
        _writer.CommitInPathOrder(_files);
        foreach (var path in _files.Paths.Order(StringComparer.Ordinal)) _pages.Add(path);
    }

    private void Flush(Facet f)
    {
        f.Page++;
        var path = SitePaths.Paged(f.First, f.Page);
        string hash;
        using (var h = new InputHash())
        {
            // Everything the page shows besides its rows: the count ("Tools 1–100 of 118") changes when a tool on
            // another page joins or leaves the list.
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            h.Add(_options.BaseUrl).Add(f.Title).Add(f.Intro).Add(f.Page.ToString(ci)).Add(f.Pages.ToString(ci)).Add(f.Total.ToString(ci));
            foreach (var r in f.Rows) h.Add((r with { Description = "" }).Encode());
            hash = h.Finish();
        }
        if (!(_stored.TryGetValue(path, out var was) && was.Hash == hash && _files.KeepAll([path])))
        {
            _files.Write(path, BrowsePage.Render(path, f.Title, f.Intro, f.Rows, f.Page, f.Pages, f.First, f.Total, f.Search, _options));
            _pending.Add((path, hash, null));
        }
        f.Rows.Clear();
    }
}
