using Catalog.Data.Model;

namespace Catalog.Classifier.Policy;

/// <summary>
/// The abstract gateway recommendation, read from category and risk class only, so it can always be traced back to
/// the classification: reads pass, writes are capped, destructive tools are denied, critical ones hidden.
/// </summary>
internal static class PolicyRecommender
{
    public const string DenyMessage = "Destructive tool: blocked by default, requires human approval.";

    public static PolicyRecommendation For(Category category, RiskClass risk, IReadOnlyList<string> tags)
    {
        var what = tags.Count == 0 ? $"{category}, {risk} risk" : $"{category} with {string.Join(", ", tags)}, {risk} risk";
        if (risk == RiskClass.Critical)
            return new(PolicyAction.Hide, null, null, null, $"{what}: hidden from the agent; expose it only to a human-approved flow.");
        return category switch
        {
            Category.Read => new(PolicyAction.Allow, null, null, null, $"{what}: it only observes, so it is allowed."),
            Category.Write when risk == RiskClass.Medium =>
                new(PolicyAction.RateLimit, 30, "minute", null, $"{what}: allowed, capped at 30 calls a minute so a looping agent cannot make runaway changes."),
            Category.Write =>
                new(PolicyAction.RateLimit, 10, "minute", null, $"{what}: allowed, capped at 10 calls a minute because it touches a sensitive capability."),
            _ => new(PolicyAction.Deny, null, null, DenyMessage, $"{what}: its effect cannot be undone, so it is denied until a human approves."),
        };
    }
}
