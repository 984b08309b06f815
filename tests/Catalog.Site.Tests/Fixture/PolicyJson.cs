using Catalog.Data.Model;

namespace Catalog.Site.Tests.Fixture;

/// <summary>
/// Renders PolicyLayer documents for the fixture the way the classify stage does (policy-formats.md §1a), from the
/// same recommendation stored in the classification.
/// </summary>
public static class PolicyJson
{
    public static string ForTool(string tool, PolicyRecommendation p) =>
        Document([(tool, p)]);

    public static string Document(IEnumerable<(string Tool, PolicyRecommendation Policy)> tools)
    {
        var list = tools.OrderBy(t => t.Tool, StringComparer.Ordinal).ToList();
        var hidden = list.Where(t => t.Policy.Action == PolicyAction.Hide).Select(t => Quote(t.Tool)).ToList();
        var entries = list.Where(t => t.Policy.Action != PolicyAction.Hide).Select(t => $"{Quote(t.Tool)}:{Rule(t.Tool, t.Policy)}");
        var hide = hidden.Count == 0 ? "" : $",\"hide\":[{string.Join(',', hidden)}]";
        return $"{{\"version\":\"1\",\"default\":\"deny\"{hide},\"tools\":{{{string.Join(',', entries)}}}}}";
    }

    private static string Rule(string tool, PolicyRecommendation p) => p.Action switch
    {
        PolicyAction.Allow => "{}",
        PolicyAction.RateLimit =>
            $"{{\"limits\":[{{\"counter\":{Quote(tool + "_rate")},\"window\":{Quote(p.RateLimitWindow ?? "minute")},\"max\":{p.RateLimitMax ?? 30},\"scope\":\"grant\"}}]}}",
        _ => $"{{\"deny_if\":[{{\"conditions\":[],\"on_deny\":{Quote(p.Message ?? "Blocked by default.")}}}]}}",
    };

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
