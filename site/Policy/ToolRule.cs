namespace Catalog.Site.Policy;

/// <summary>One entry of a policy's <c>limits</c> array.</summary>
public sealed record PolicyLimit(string Counter, string Window, long? Max, string Scope);

/// <summary>One entry of a tool's <c>deny_if</c> array; no conditions means every call is refused.</summary>
public sealed record PolicyDenyIf(int ConditionCount, string? OnDeny);

public enum RuleKind
{
    Hidden,
    Blocked,
    Conditional,
    RateLimited,
    Allowed,
    DeniedByDefault,
    AllowedByDefault,
}

/// <summary>What one policy document does to one tool, read from its JSON.</summary>
public sealed record ToolRule(
    string Tool,
    bool Hidden,
    bool Listed,
    IReadOnlyList<PolicyLimit> Limits,
    IReadOnlyList<PolicyDenyIf> DenyIf,
    int RequireCount,
    string Default,
    IReadOnlyList<PolicyLimit> AllToolsLimits)
{
    public RuleKind Kind =>
        Hidden ? RuleKind.Hidden
        : !Listed ? (Default == "allow" ? RuleKind.AllowedByDefault : RuleKind.DeniedByDefault)
        : DenyIf.Any(d => d.ConditionCount == 0) ? RuleKind.Blocked
        : DenyIf.Count > 0 || RequireCount > 0 ? RuleKind.Conditional
        : Limits.Count > 0 ? RuleKind.RateLimited
        : RuleKind.Allowed;

    /// <summary>A short label for tables: "Hidden", "Blocked", "30 per minute", "Allowed".</summary>
    public string Label => Kind switch
    {
        RuleKind.Hidden => "Hidden",
        RuleKind.Blocked => "Blocked",
        RuleKind.Conditional => Limits.Count > 0 ? "Conditions + " + LimitText(Limits[0]) : "Allowed with conditions",
        RuleKind.RateLimited => LimitText(Limits[0]),
        RuleKind.Allowed => "Allowed",
        RuleKind.DeniedByDefault => "Denied (default)",
        _ => "Allowed (default)",
    };

    public static string LimitText(PolicyLimit l) => $"{(l.Max?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")} per {l.Window}";

    /// <summary>True when two documents would treat the tool the same way.</summary>
    public bool SameEffect(ToolRule other) =>
        Kind == other.Kind
        && Limits.Select(l => (l.Window, l.Max, l.Scope)).SequenceEqual(other.Limits.Select(l => (l.Window, l.Max, l.Scope)))
        && DenyIf.SequenceEqual(other.DenyIf) && RequireCount == other.RequireCount;
}
