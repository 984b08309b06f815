namespace Catalog.Classifier.Export;

/// <summary>
/// Each string constraint as one regular expression, in the subset RE2 (Go, cel-go), JavaScript and .NET read the
/// same way: no lookaround, no inline flags.
/// </summary>
public static class ConstraintPatterns
{
    /// <summary>Under the root, and no ".." anywhere after it (pairs of a dot and a non-dot, then an optional dot).</summary>
    public static string PathRoot(PathRoot c) => "^" + Quote.Regex(c.Root) + "(?:[^.]|\\.[^.])*\\.?$";

    public static string Domain(DomainAllowList c) =>
        "^https://(?:" + string.Join("|", c.Domains.Select(Quote.Regex)) + ")(?:[/?#]|$)";

    public static string Sql(ReadOnlySql c) =>
        "^\\s*(?:" + string.Join("|", new[] { "select", "with", "explain", "show" }.Select(Quote.CaseInsensitive)) + ")\\s[^;]*$";

    public static string Recipient(RecipientAllowList c) =>
        "^(?:" + string.Join("|", c.Allowed.Select(a => a.StartsWith('@') ? "[^@\\s]+" + Quote.Regex(a) : Quote.Regex(a))) + ")$";

    /// <summary>The regex for a string constraint, or null for the ones that are not a pattern.</summary>
    public static string? For(ArgumentConstraint c) => c switch
    {
        PathRoot p => PathRoot(p),
        DomainAllowList d => Domain(d),
        ReadOnlySql s => Sql(s),
        RecipientAllowList r => Recipient(r),
        _ => null,
    };
}
