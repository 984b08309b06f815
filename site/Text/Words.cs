using Catalog.Data.Model;

namespace Catalog.Site.Text;

/// <summary>The fixed vocabulary of the pages: what each category, tag and finding severity is called.</summary>
public static class Words
{
    public static string CategoryMeaning(Category category) => category switch
    {
        Category.Read => "observes only; nothing changes anywhere",
        Category.Write => "creates or changes state in a way that can be undone",
        _ => "deletes, overwrites or changes state in a way that cannot be taken back",
    };

    public static string TagMeaning(string tag) => tag switch
    {
        CapabilityTags.CodeExecution => "runs code, shell commands or arbitrary queries",
        CapabilityTags.Financial => "moves or commits money",
        CapabilityTags.Credentials => "creates, reads or handles secrets and keys",
        CapabilityTags.IdentityAccess => "changes who can access what",
        CapabilityTags.ExternalCommunication => "sends messages or data to people or systems outside",
        CapabilityTags.DataExfiltration => "can carry data to a destination the caller chooses",
        CapabilityTags.Infrastructure => "changes servers, clusters, networks or cloud resources",
        CapabilityTags.Filesystem => "reads or writes files",
        CapabilityTags.Database => "reads or changes a database",
        CapabilityTags.PersonalData => "handles personal data",
        CapabilityTags.Bulk => "acts on many items in one call",
        CapabilityTags.OpenWorld => "reaches the open internet or third-party systems",
        _ => "an unrecognised tag",
    };

    /// <summary>
    /// Finding severities get their own words: a page that said "risk class Medium" and "severity high" would read
    /// as a contradiction, which is exactly the defect the seed pages have.
    /// </summary>
    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Info => "note",
        FindingSeverity.Low => "minor",
        FindingSeverity.Medium => "moderate",
        _ => "serious",
    };

    /// <summary>PolicyLayer's five categories map onto ours (DESIGN.md §5): its Execute and Financial are our tags.</summary>
    public static string PolicyLayerCategory(Category category, IReadOnlyCollection<string> tags) =>
        tags.Contains(CapabilityTags.Financial) ? "Financial"
        : tags.Contains(CapabilityTags.CodeExecution) ? "Execute"
        : category.ToString();

    /// <summary>Joins "a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    public static string Plural(int n, string one, string many) =>
        n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    public static string Confidence(double confidence) =>
        Math.Clamp(confidence, 0, 1).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
