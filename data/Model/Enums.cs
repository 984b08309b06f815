namespace Catalog.Data.Model;

/// <summary>What a call does to the world, per LABELING.md. Ordered from least to most harmful.</summary>
public enum Category
{
    Read = 0,
    Write = 1,
    Destructive = 2,
}

/// <summary>The risk class, a pure function of category and tags (see RiskTable).</summary>
public enum RiskClass
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>How a tool list was obtained, most faithful first.</summary>
public enum Provenance
{
    Live,
    Static,
    Manifest,
    Readme,
    Import,
}

public enum AttemptStatus
{
    Ok,
    Failed,
    Skipped,
    /// <summary>A remote server answered 401/403 or an OAuth challenge: it is there, but lists tools only to a signed-in client.</summary>
    NeedsAuth,
}

public enum PolicyAction
{
    Allow,
    RateLimit,
    RequireApproval,
    Deny,
    Hide,
}

public enum FindingSeverity
{
    Info,
    Low,
    Medium,
    High,
}
