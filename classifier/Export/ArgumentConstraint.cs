using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>
/// A condition on one argument that must hold for a call to pass. <see cref="Fallback"/> is the action the whole tool
/// takes in a format that cannot express the condition, so a lost constraint always makes the rule stricter.
/// </summary>
public abstract record ArgumentConstraint(string Parameter, string Reason)
{
    public virtual PolicyAction Fallback => PolicyAction.RequireApproval;

    /// <summary>One line for comments and notes.</summary>
    public abstract string Describe();
}

/// <summary>A path argument must stay under <paramref name="Root"/> and must not climb out with "..".</summary>
public sealed record PathRoot(string Parameter, string Root, string Reason) : ArgumentConstraint(Parameter, Reason)
{
    public override string Describe() => $"{Parameter} must stay under {Root}";
}

/// <summary>A URL argument must point at one of <paramref name="Domains"/> over https.</summary>
public sealed record DomainAllowList(string Parameter, IReadOnlyList<string> Domains, string Reason) : ArgumentConstraint(Parameter, Reason)
{
    public override string Describe() => $"{Parameter} must be an https URL on {string.Join(", ", Domains)}";
}

/// <summary>A SQL argument must be one read-only statement (SELECT, WITH, EXPLAIN, SHOW), with no ';'.</summary>
public sealed record ReadOnlySql(string Parameter, string Reason) : ArgumentConstraint(Parameter, Reason)
{
    public const string Pattern = "^\\s*(?i:select|with|explain|show)\\s[^;]*$";

    public override string Describe() => $"{Parameter} must be a single read-only statement (SELECT, WITH, EXPLAIN, SHOW)";
}

/// <summary>An amount argument is capped per call and summed into a daily spend counter.</summary>
public sealed record SpendCap(string Parameter, long MaxPerCall, long MaxPerDay, string Reason) : ArgumentConstraint(Parameter, Reason)
{
    public override string Describe() => $"{Parameter} at most {MaxPerCall} per call and {MaxPerDay} per day";
}

/// <summary>A recipient argument must be one of the allowed addresses or end with an allowed "@domain".</summary>
public sealed record RecipientAllowList(string Parameter, IReadOnlyList<string> Allowed, string Reason) : ArgumentConstraint(Parameter, Reason)
{
    public override string Describe() => $"{Parameter} must be one of {string.Join(", ", Allowed)}";
}

/// <summary>
/// A multiplexed tool: the operation argument's <paramref name="Denied"/> values are refused while the
/// <paramref name="Allowed"/> ones pass. Where it cannot be expressed the tool takes the denied operations' action.
/// </summary>
public sealed record DeniedValues(
    string Parameter,
    IReadOnlyList<string> Denied,
    IReadOnlyList<string> Allowed,
    PolicyAction DeniedAction,
    string Reason) : ArgumentConstraint(Parameter, Reason)
{
    public override PolicyAction Fallback => DeniedAction;

    public override string Describe() => $"{Parameter} may be {string.Join("/", Allowed)}; {string.Join("/", Denied)} refused";
}
