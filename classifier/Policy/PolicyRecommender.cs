using Catalog.Classifier.Decision;
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
        if (risk == RiskClass.Critical)
            return new(PolicyAction.Hide, null, null, null, Reason(category, risk, tags, ": hidden from the agent; expose it only to a human-approved flow."));
        return category switch
        {
            Category.Read => new(PolicyAction.Allow, null, null, null, Reason(category, risk, tags, ": it only observes, so it is allowed.")),
            Category.Write when risk == RiskClass.Medium =>
                new(PolicyAction.RateLimit, 30, "minute", null, Reason(category, risk, tags, ": allowed, capped at 30 calls a minute so a looping agent cannot make runaway changes.")),
            Category.Write =>
                new(PolicyAction.RateLimit, 10, "minute", null, Reason(category, risk, tags, ": allowed, capped at 10 calls a minute because it touches a sensitive capability.")),
            _ => new(PolicyAction.Deny, null, null, DenyMessage, Reason(category, risk, tags, ": its effect cannot be undone, so it is denied until a human approves.")),
        };
    }

    // "Write with financial, code-execution, Critical risk: " and why that leads to the action.
    private static string Reason(Category category, RiskClass risk, IReadOnlyList<string> tags, string because)
    {
        var sb = StringBuilderCache.Acquire(256);
        sb.Append($"{category}");
        for (var i = 0; i < tags.Count; i++) sb.Append(i == 0 ? " with " : ", ").Append(tags[i]);
        sb.Append($", {risk} risk").Append(because);
        return StringBuilderCache.GetStringAndRelease(sb);
    }
}
