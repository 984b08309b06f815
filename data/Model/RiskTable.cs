namespace Catalog.Data.Model;

/// <summary>
/// The one table that turns category and tags into a risk class (DESIGN.md §5). Pages, rationales and policies all
/// read the class from here, so they cannot disagree.
/// </summary>
public static class RiskTable
{
    /// <summary>Tags that mean money movement, arbitrary code, or irreversible change at scale.</summary>
    public static IReadOnlySet<string> Severe { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CapabilityTags.Financial, CapabilityTags.CodeExecution, CapabilityTags.Bulk,
    };

    public static RiskClass Classify(Category category, IReadOnlyCollection<string> tags)
    {
        var column = Column(category, tags);
        return (category, column) switch
        {
            (Category.Read, RiskColumn.None) => RiskClass.Low,
            (Category.Read, RiskColumn.HighImpact) => tags.Contains(CapabilityTags.Credentials) ? RiskClass.High : RiskClass.Medium,
            (Category.Read, RiskColumn.Severe) => RiskClass.High,
            (Category.Write, RiskColumn.None) => RiskClass.Medium,
            (Category.Write, RiskColumn.HighImpact) => RiskClass.High,
            (Category.Write, RiskColumn.Severe) => RiskClass.Critical,
            (Category.Destructive, RiskColumn.None) => RiskClass.High,
            _ => RiskClass.Critical,
        };
    }

    /// <summary>Which column of the table a tool falls in.</summary>
    public static RiskColumn Column(Category category, IReadOnlyCollection<string> tags)
    {
        // Bulk only lifts a tool to the last column when it changes things; a bulk read is still a read.
        var severe = tags.Any(t => RiskTable.Severe.Contains(t) && (t != CapabilityTags.Bulk || category != Category.Read));
        if (severe) return RiskColumn.Severe;
        return tags.Any(CapabilityTags.HighImpact.Contains) ? RiskColumn.HighImpact : RiskColumn.None;
    }
}

public enum RiskColumn
{
    None,
    HighImpact,
    Severe,
}
