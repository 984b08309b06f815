using Catalog.Data.Model;
using Catalog.Site.Views;

namespace Catalog.Site.Build;

/// <summary>Counters over the whole catalog, filled while tools stream past; its size does not depend on the number of tools.</summary>
public sealed class SiteStats
{
    public int Tools { get; private set; }

    public int Classified { get; private set; }

    public int WithFindings { get; private set; }

    public int FindingsTotal { get; private set; }

    public Dictionary<RiskClass, int> ByRisk { get; } = [];

    public Dictionary<Category, int> ByCategory { get; } = [];

    public SortedDictionary<string, int> ByTag { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ByProvenance { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> ServersByStatus { get; } = new(StringComparer.Ordinal);

    public void Add(ToolSummary t, string provenance)
    {
        Tools++;
        if (t.Risk is { } r)
        {
            Classified++;
            ByRisk[r] = ByRisk.GetValueOrDefault(r) + 1;
        }
        if (t.Category is { } c) ByCategory[c] = ByCategory.GetValueOrDefault(c) + 1;
        foreach (var tag in t.Tags.Where(CapabilityTags.IsKnown)) ByTag[tag] = ByTag.GetValueOrDefault(tag) + 1;
        ByProvenance[provenance] = ByProvenance.GetValueOrDefault(provenance) + 1;
        if (t.Findings > 0) WithFindings++;
        FindingsTotal += t.Findings;
    }

    public void AddServer(CrawlAttempt? attempt)
    {
        var key = attempt?.Status.ToString() ?? "Not crawled";
        ServersByStatus[key] = ServersByStatus.GetValueOrDefault(key) + 1;
    }
}
