using Catalog.Data.Model;

namespace Catalog.Classifier.Export;

/// <summary>Orders actions by strictness: allow, rate-limit, require-approval, deny, hide.</summary>
public static class PolicyActions
{
    public static PolicyAction Stricter(PolicyAction a, PolicyAction b) => (int)a >= (int)b ? a : b;

    public static string Kebab(PolicyAction a) => a switch
    {
        PolicyAction.Allow => "allow",
        PolicyAction.RateLimit => "rate-limit",
        PolicyAction.RequireApproval => "require-approval",
        PolicyAction.Deny => "deny",
        _ => "hide",
    };

    public static PolicyAction Parse(string text) => text.Replace('_', '-').ToLowerInvariant() switch
    {
        "allow" => PolicyAction.Allow,
        "rate-limit" or "ratelimit" => PolicyAction.RateLimit,
        "require-approval" or "approval" or "ask" => PolicyAction.RequireApproval,
        "deny" => PolicyAction.Deny,
        "hide" => PolicyAction.Hide,
        _ => throw new Data.InputException($"unknown action '{text}' (expected: allow, rate-limit, require-approval, deny, hide)"),
    };

    public static RateLimit ParseRate(string text)
    {
        var parts = text.Split('/', 2);
        var window = parts.Length == 2 ? parts[1].Trim().ToLowerInvariant() switch
        {
            "m" or "min" or "minute" => "minute",
            "h" or "hour" => "hour",
            "d" or "day" => "day",
            _ => null,
        } : null;
        if (window is null || !int.TryParse(parts[0].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) || max <= 0)
            throw new Data.InputException($"bad rate '{text}' (expected N/minute, N/hour or N/day)");
        return new RateLimit(max, window);
    }
}
