namespace Catalog.Classifier.Export;

/// <summary>
/// The user-specific values argument constraints need. The defaults are placeholders meant to be edited (through the
/// overrides file's <c>constraints</c> section); they are deliberately narrow.
/// </summary>
public sealed record ConstraintSettings(
    string PathRoot,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Recipients,
    long SpendPerCall,
    long SpendPerDay)
{
    public static ConstraintSettings Default { get; } = new("/workspace/", ["example.com"], ["@example.com"], 100, 500);
}
