using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>
/// Plans every server in scope and, for a stack the user runs together, applies the combination rule: when one
/// server reads untrusted content (open-world or external reads) and another can send data out, the agent could be
/// told by that content to exfiltrate, so the sending tools need a human's approval.
/// </summary>
public static class StackPlanner
{
    public static PolicyPlan Plan(PolicyPlanner planner, IEnumerable<ServerTools> servers, bool asStack)
    {
        var plans = servers.OrderBy(s => s.ServerId, StringComparer.Ordinal)
            .Select(s => new ServerPlan(s.ServerId, s.Alias, s.Package,
                s.Tools.OrderBy(t => t.Tool.Name, StringComparer.Ordinal).Select(t => planner.Plan(s.ServerId, t.Tool, t.Classification)).ToList()))
            .ToList();
        var notes = new List<string>();
        if (asStack) plans = Combine(plans, notes);
        return new PolicyPlan(planner.Profile.Name, plans, notes);
    }

    public static bool ReadsUntrusted(ToolPolicy t) => t.Category == Category.Read && t.Callable
        && (t.Tags.Contains(CapabilityTags.OpenWorld) || t.Tags.Contains(CapabilityTags.ExternalCommunication));

    public static bool SendsOut(ToolPolicy t) => t.Category != Category.Read && t.Callable
        && (t.Tags.Contains(CapabilityTags.ExternalCommunication) || t.Tags.Contains(CapabilityTags.DataExfiltration) || t.Tags.Contains(CapabilityTags.OpenWorld));

    private static List<ServerPlan> Combine(List<ServerPlan> plans, List<string> notes)
    {
        var readers = plans.SelectMany(p => p.Tools.Where(ReadsUntrusted)).ToList();
        if (readers.Count == 0) return plans;
        var result = new List<ServerPlan>();
        foreach (var plan in plans)
        {
            var others = readers.Where(r => r.Server != plan.ServerId).Select(r => $"{r.Server}/{r.Tool}").ToList();
            if (others.Count == 0) { result.Add(plan); continue; }
            var tools = plan.Tools.Select(t =>
            {
                if (!SendsOut(t)) return t;
                var because = $"combination rule: {string.Join(", ", others)} read untrusted content that could instruct the agent to send data out through this tool";
                notes.Add($"{t.Server}/{t.Tool}: require-approval ({because})");
                return t with
                {
                    Action = PolicyAction.RequireApproval,
                    Limit = null,
                    Message = "Sends data out while another server in this stack reads untrusted content: requires human approval.",
                    Reason = $"{because}; before it: {t.Reason}",
                };
            }).ToList();
            result.Add(plan with { Tools = tools });
        }
        return result;
    }
}
