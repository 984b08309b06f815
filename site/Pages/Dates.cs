namespace Catalog.Site.Pages;

/// <summary>How dates appear on pages.</summary>
internal static class Dates
{
    /// <summary>Day precision: pages show when something was first seen, never when the site was built.</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
