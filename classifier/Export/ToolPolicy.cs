using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>A call budget: at most <paramref name="Max"/> calls per <paramref name="Window"/> (minute, hour or day).</summary>
public sealed record RateLimit(int Max, string Window)
{
    public override string ToString() => $"{Max}/{Window}";
}

/// <summary>
/// The abstract recommendation for one tool, before any gateway format: an action, an optional call budget, the
/// argument constraints that must hold for the call to pass, and the reason, which quotes the classification.
/// </summary>
/// <param name="Server">Catalog server id.</param>
/// <param name="Tool">Tool name as the server lists it.</param>
/// <param name="Message">What the agent is told when the call is refused.</param>
/// <param name="Reason">Why, traceable to the classification (category, tags, risk) and the profile.</param>
public sealed record ToolPolicy(
    string Server,
    string Tool,
    PolicyAction Action,
    RateLimit? Limit,
    string? Message,
    string Reason,
    IReadOnlyList<ArgumentConstraint> Constraints,
    Category Category,
    RiskClass Risk,
    IReadOnlyList<string> Tags)
{
    /// <summary>True when the tool may be called at all (with or without a budget or constraints).</summary>
    public bool Callable => Action is PolicyAction.Allow or PolicyAction.RateLimit;
}

/// <summary>The tools of one server, as the user names that server in their client config.</summary>
/// <param name="Alias">The key a client uses for the server (<c>mcp__alias__tool</c>): the config key or a short name.</param>
public sealed record ServerPlan(string ServerId, string Alias, string? Package, IReadOnlyList<ToolPolicy> Tools);

/// <summary>Everything one export covers: the profile, the servers in scope and plan-wide notes (combination rules).</summary>
public sealed record PolicyPlan(string Profile, IReadOnlyList<ServerPlan> Servers, IReadOnlyList<string> Notes);
