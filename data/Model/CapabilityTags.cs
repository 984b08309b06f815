namespace Catalog.Data.Model;

/// <summary>The closed set of capability tags (DESIGN.md §5). Tags travel as these kebab-case strings.</summary>
public static class CapabilityTags
{
    public const string CodeExecution = "code-execution";
    public const string Financial = "financial";
    public const string Credentials = "credentials";
    public const string IdentityAccess = "identity-access";
    public const string ExternalCommunication = "external-communication";
    public const string DataExfiltration = "data-exfiltration";
    public const string Infrastructure = "infrastructure";
    public const string Filesystem = "filesystem";
    public const string Database = "database";
    public const string PersonalData = "personal-data";
    public const string Bulk = "bulk";
    public const string OpenWorld = "open-world";

    public static IReadOnlyList<string> All { get; } =
    [
        CodeExecution, Financial, Credentials, IdentityAccess, ExternalCommunication, DataExfiltration,
        Infrastructure, Filesystem, Database, PersonalData, Bulk, OpenWorld,
    ];

    /// <summary>Tags that lift the risk class one step (DESIGN.md §5, footnote 1).</summary>
    public static IReadOnlySet<string> HighImpact { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Credentials, IdentityAccess, Financial, CodeExecution, ExternalCommunication, DataExfiltration, Infrastructure,
    };

    public static bool IsKnown(string tag) => All.Contains(tag, StringComparer.Ordinal);
}
