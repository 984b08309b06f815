using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>
/// How much an agent is trusted. <c>strict</c>: a read-only agent. <c>balanced</c> (default): reads pass, writes are
/// capped, destructive or high-risk tools wait for a human, critical ones are hidden. <c>permissive</c>: trusted
/// automation, budgets instead of approvals except for critical tools.
/// </summary>
public sealed class PolicyProfile
{
    public static readonly PolicyProfile Strict = new("strict");
    public static readonly PolicyProfile Balanced = new("balanced");
    public static readonly PolicyProfile Permissive = new("permissive");

    public static IReadOnlyList<PolicyProfile> All { get; } = [Strict, Balanced, Permissive];

    private PolicyProfile(string name) => Name = name;

    public string Name { get; }

    /// <summary>Constraints on reads (path roots, URL domains) only in the strict profile; writes always.</summary>
    public bool ConstrainsReads => this == Strict;

    public static PolicyProfile Parse(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new Data.InputException($"unknown --profile '{name}' (expected: {string.Join(", ", All.Select(p => p.Name))})");

    /// <summary>The action for a category and class, with the clause a reason quotes.</summary>
    public (PolicyAction Action, RateLimit? Limit, string Why) Decide(Category category, RiskClass risk, bool spendCapped)
    {
        if (this == Strict)
        {
            return (category, risk) switch
            {
                (_, RiskClass.Critical) => (PolicyAction.Hide, null, "hidden: a read-only agent never sees critical tools"),
                (Category.Read, _) => (PolicyAction.Allow, null, "allowed: it only observes"),
                (Category.Write, _) => (PolicyAction.Deny, null, "denied: a read-only agent makes no changes"),
                _ => (PolicyAction.Hide, null, "hidden: a read-only agent never destroys anything"),
            };
        }
        if (this == Permissive)
        {
            return (category, risk) switch
            {
                (_, RiskClass.Critical) when spendCapped => (PolicyAction.RateLimit, new RateLimit(10, "hour"), "allowed for trusted automation within a spend cap, at most 10 calls an hour"),
                (_, RiskClass.Critical) => (PolicyAction.RequireApproval, null, "requires approval even for trusted automation: critical risk"),
                (Category.Read, _) => (PolicyAction.Allow, null, "allowed: it only observes"),
                (Category.Write, RiskClass.Medium) => (PolicyAction.RateLimit, new RateLimit(120, "minute"), "allowed, capped at 120 calls a minute against runaway loops"),
                (Category.Write, _) => (PolicyAction.RateLimit, new RateLimit(30, "minute"), "allowed, capped at 30 calls a minute: it touches a sensitive capability"),
                _ => (PolicyAction.RateLimit, new RateLimit(10, "hour"), "allowed for trusted automation, at most 10 calls an hour: its effect cannot be undone"),
            };
        }
        return (category, risk) switch
        {
            (_, RiskClass.Critical) => (PolicyAction.Hide, null, "hidden: critical risk; expose it only to a human-approved flow"),
            (Category.Read, _) => (PolicyAction.Allow, null, "allowed: it only observes"),
            (Category.Write, RiskClass.Medium) => (PolicyAction.RateLimit, new RateLimit(30, "minute"), "allowed, capped at 30 calls a minute so a looping agent cannot make runaway changes"),
            (Category.Write, _) => (PolicyAction.RequireApproval, null, "requires human approval: a high-risk change"),
            _ => (PolicyAction.RequireApproval, null, "requires human approval: its effect cannot be undone"),
        };
    }
}
