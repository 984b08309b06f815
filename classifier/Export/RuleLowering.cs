using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>A tool's recommendation as one format can state it, with what was lost on the way.</summary>
/// <param name="Constraints">The constraints the format enforces (only when the tool is callable).</param>
/// <param name="Fallbacks">Why the action differs from the recommendation, one line each (empty when it is native).</param>
public sealed record LoweredRule(ToolPolicy Policy, PolicyAction Action, RateLimit? Limit, IReadOnlyList<ArgumentConstraint> Constraints, IReadOnlyList<string> Fallbacks)
{
    public bool Callable => Action is PolicyAction.Allow or PolicyAction.RateLimit;

    public string Message => Policy.Message ?? $"{Policy.Category} tool ({Policy.Risk} risk): blocked by policy.";
}

/// <summary>
/// Lowers a recommendation onto a format: a constraint the format cannot enforce makes the tool take the
/// constraint's fallback; a rate limit without budgets becomes approval; approval without a prompt becomes deny; hide
/// without a list filter becomes deny. Each step only ever makes the rule stricter, and each is recorded.
/// </summary>
public static class RuleLowering
{
    public static LoweredRule Lower(ToolPolicy p, FormatCapabilities caps, string format)
    {
        var action = p.Action;
        var limit = p.Limit;
        var fallbacks = new List<string>();
        var kept = new List<ArgumentConstraint>();
        if (p.Callable)
        {
            foreach (var c in p.Constraints)
            {
                if (caps.Constraint(c)) { kept.Add(c); continue; }
                var next = PolicyActions.Stricter(action, c.Fallback);
                fallbacks.Add($"{format} cannot enforce '{c.Describe()}': {PolicyActions.Kebab(next)} instead");
                action = next;
            }
        }
        if (action == PolicyAction.RateLimit && !caps.RateLimit)
        {
            var next = caps.Approval ? PolicyAction.RequireApproval : PolicyAction.Deny;
            fallbacks.Add($"{format} has no per-tool rate limit for {limit}: {PolicyActions.Kebab(next)} instead");
            action = next;
        }
        if (action == PolicyAction.RequireApproval && !caps.Approval)
        {
            fallbacks.Add($"{format} has no approval: deny instead");
            action = PolicyAction.Deny;
        }
        if (action == PolicyAction.Hide && !caps.Hide)
        {
            fallbacks.Add($"{format} cannot hide a tool: deny instead");
            action = PolicyAction.Deny;
        }
        var callable = action is PolicyAction.Allow or PolicyAction.RateLimit;
        return new LoweredRule(p, action, action == PolicyAction.RateLimit ? limit : null, callable ? kept : [], fallbacks);
    }

    /// <summary>Lowers every tool of a plan; returns the rules and the notes ("server/tool: ...").</summary>
    public static (IReadOnlyList<(ServerPlan Server, IReadOnlyList<LoweredRule> Rules)> Servers, List<string> Notes) LowerAll(
        PolicyPlan plan, FormatCapabilities caps, string format)
    {
        var notes = new List<string>(plan.Notes);
        var servers = plan.Servers.Select(s =>
        {
            var rules = s.Tools.Select(t => Lower(t, caps, format)).ToList();
            foreach (var r in rules)
            {
                foreach (var f in r.Fallbacks) notes.Add($"{s.ServerId}/{r.Policy.Tool}: {f}");
            }
            return (s, (IReadOnlyList<LoweredRule>)rules);
        }).ToList();
        return (servers, notes);
    }
}
