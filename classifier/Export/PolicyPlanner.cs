using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>
/// Turns a classification into a <see cref="ToolPolicy"/> under a profile and the user's overrides: the profile's
/// action for the category and class, per-operation decisions for multiplexed tools, and argument constraints read
/// from the input schema. Pure and deterministic.
/// </summary>
public sealed class PolicyPlanner(PolicyProfile profile, PolicyOverrides? overrides = null)
{
    private readonly PolicyOverrides overrides = overrides ?? PolicyOverrides.None;

    public PolicyProfile Profile => profile;

    public ToolPolicy Plan(string server, ToolDefinition tool, Classification c)
    {
        var what = c.Tags.Count == 0 ? $"{c.Category}, {c.Risk} risk" : $"{c.Category} ({string.Join(", ", c.Tags)}), {c.Risk} risk";
        var parameters = SchemaParameters.Read(tool.InputSchema);
        var constraints = new List<ArgumentConstraint>();
        var spend = c.Tags.Contains(CapabilityTags.Financial) ? parameters.FirstOrDefault(SchemaParameters.IsAmount) : null;
        var sql = c.Tags.Contains(CapabilityTags.Database) && c.Category != Category.Read && profile != PolicyProfile.Permissive
            ? parameters.FirstOrDefault(SchemaParameters.IsSql) : null;

        var (action, limit, why) = profile.Decide(c.Category, c.Risk, spend is not null);
        var reason = $"{profile.Name}: {what}: {why}.";

        if (Operations(c) is { } ops)
        {
            (action, limit, reason) = ops.Apply(action, limit, reason);
            if (ops.Constraint is not null) constraints.Add(ops.Constraint);
        }
        if (sql is not null && action is not PolicyAction.Hide)
        {
            // Held to read-only statements the tool is effectively a read, so it passes like one.
            action = PolicyAction.Allow;
            limit = null;
            reason = $"{profile.Name}: {what}: allowed only for read-only SQL; anything else is refused.";
            constraints.Add(new ReadOnlySql(sql.Name, $"{sql.Name} is SQL on a database tool: held to read-only statements."));
        }

        var s = overrides.Constraints;
        var constrain = c.Category != Category.Read || profile.ConstrainsReads;
        foreach (var p in parameters)
        {
            if (constrain && SchemaParameters.IsPath(p) && (c.Tags.Contains(CapabilityTags.Filesystem) || p.Name.Contains("path", StringComparison.OrdinalIgnoreCase)))
                constraints.Add(new PathRoot(p.Name, s.PathRoot, $"{p.Name} names a file: held to {s.PathRoot}."));
            else if (constrain && SchemaParameters.IsUrl(p))
                constraints.Add(new DomainAllowList(p.Name, s.Domains, $"{p.Name} is a URL: only allow-listed domains, so data cannot leave for anywhere."));
            else if (c.Tags.Contains(CapabilityTags.ExternalCommunication) && c.Category != Category.Read && SchemaParameters.IsRecipient(p))
                constraints.Add(new RecipientAllowList(p.Name, s.Recipients, $"{p.Name} is a recipient of an outgoing message: only allow-listed recipients."));
        }
        if (spend is not null)
            constraints.Add(new SpendCap(spend.Name, s.SpendPerCall, s.SpendPerDay, $"{spend.Name} moves money: capped per call and per day."));

        string? message = action is PolicyAction.Deny or PolicyAction.RequireApproval or PolicyAction.Hide ? DenyMessage(action, c) : null;

        if (overrides.For(server, tool.Name, c.Tags) is var (o, key))
        {
            action = o.EffectiveAction;
            limit = action == PolicyAction.RateLimit ? o.Limit : null;
            message = o.Message ?? (action is PolicyAction.Allow or PolicyAction.RateLimit ? null : DenyMessage(action, c));
            reason = $"override ({key} in {overrides.Source}): {PolicyActions.Kebab(action)}{(limit is null ? "" : " at " + limit)}; the profile said: {reason}";
        }

        return new ToolPolicy(server, tool.Name, action, limit, message, reason,
            constraints.OrderBy(x => x.Parameter, StringComparer.Ordinal).ThenBy(x => x.GetType().Name, StringComparer.Ordinal).ToList(),
            c.Category, c.Risk, c.Tags.Order(StringComparer.Ordinal).ToList());
    }

    private static string DenyMessage(PolicyAction action, Classification c) => action switch
    {
        PolicyAction.RequireApproval => $"{c.Category} tool ({c.Risk} risk): requires human approval.",
        PolicyAction.Hide => $"{c.Category} tool ({c.Risk} risk): hidden by policy.",
        _ => $"{c.Category} tool ({c.Risk} risk): blocked by policy.",
    };

    /// <summary>Per-operation decisions of a multiplexed tool (the first operation parameter the classifier found).</summary>
    private OperationPlan? Operations(Classification c)
    {
        if (c.Operations.Count == 0) return null;
        var parameter = c.Operations[0].Parameter;
        var ops = c.Operations.Where(o => o.Parameter == parameter)
            .Select(o =>
            {
                var risk = RiskTable.Classify(o.Category, c.Tags);
                var (a, l, _) = profile.Decide(o.Category, risk, false);
                return (o.Value, o.Category, Action: a, Limit: l);
            })
            .OrderBy(o => o.Value, StringComparer.Ordinal)
            .ToList();
        var allowed = ops.Where(o => o.Action is PolicyAction.Allow or PolicyAction.RateLimit).ToList();
        var denied = ops.Except(allowed).ToList();
        return allowed.Count == 0 ? null : new OperationPlan(profile.Name, parameter, allowed, denied);
    }

    private sealed record OperationPlan(
        string Profile,
        string Parameter,
        IReadOnlyList<(string Value, Category Category, PolicyAction Action, RateLimit? Limit)> Allowed,
        IReadOnlyList<(string Value, Category Category, PolicyAction Action, RateLimit? Limit)> Denied)
    {
        public DeniedValues? Constraint => Denied.Count == 0 ? null : new DeniedValues(
            Parameter,
            Denied.Select(d => d.Value).ToList(),
            Allowed.Select(a => a.Value).ToList(),
            Denied.Select(d => d.Action).Aggregate(PolicyActions.Stricter) is var worst && worst == PolicyAction.Hide ? PolicyAction.Deny : worst,
            $"{Parameter} multiplexes operations: {string.Join(", ", Denied.Select(d => $"{d.Value} ({d.Category})"))} refused; {string.Join(", ", Allowed.Select(a => $"{a.Value} ({a.Category})"))} pass.");

        public (PolicyAction, RateLimit?, string) Apply(PolicyAction toolAction, RateLimit? toolLimit, string toolReason)
        {
            // The tool passes as its strictest allowed operation; the others are refused by argument condition.
            var action = Allowed.Select(a => a.Action).Aggregate(PolicyActions.Stricter);
            var limit = Allowed.Where(a => a.Limit is not null).Select(a => a.Limit!).OrderBy(l => l.Max).FirstOrDefault();
            if (Denied.Count == 0 && action == toolAction) return (toolAction, toolLimit, toolReason);
            var reason = $"{Profile}: multiplexed on {Parameter}: {string.Join(", ", Allowed.Select(a => $"{a.Value} ({a.Category})"))} "
                + $"{PolicyActions.Kebab(action)}{(limit is null ? "" : " at " + limit)}"
                + (Denied.Count == 0 ? "." : $"; {string.Join(", ", Denied.Select(d => $"{d.Value} ({d.Category})"))} refused by argument condition.")
                + $" The whole tool alone would be: {toolReason}";
            return (action, action == PolicyAction.RateLimit ? limit : null, reason);
        }
    }
}
