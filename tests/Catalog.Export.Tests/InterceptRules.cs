using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Catalog.Export.Tests;

/// <summary>
/// Intercept's documented validation rules (policy-formats.md §1b, POLICY.md "Validation errors"), reimplemented
/// because <c>intercept validate</c> cannot be built offline. Returns one message per broken rule.
/// </summary>
internal static partial class InterceptRules
{
    private static readonly string[] Ops = ["eq", "neq", "in", "not_in", "lt", "lte", "gt", "gte", "regex", "contains", "exists"];

    public static List<string> Validate(JsonNode doc)
    {
        var errors = new List<string>();
        if ((string?)doc["version"] != "1") errors.Add("version must be \"1\"");
        if (doc["default"] is { } d && (string?)d is not ("allow" or "deny")) errors.Add("default must be allow or deny");
        foreach (var (tool, t) in doc["tools"]?.AsObject() ?? [])
        {
            foreach (var rule in t?["rules"]?.AsArray() ?? [])
            {
                var name = (string?)rule?["name"];
                var where = $"{tool}/{name}";
                if (string.IsNullOrEmpty(name)) errors.Add($"{tool}: rule without a name");
                var action = (string?)rule!["action"] ?? "evaluate";
                var conditions = rule["conditions"]?.AsArray() ?? [];
                var rate = (string?)rule["rate_limit"];
                if (action is not ("evaluate" or "deny")) errors.Add($"{where}: action must be evaluate or deny");
                if (action == "deny" && conditions.Count > 0) errors.Add($"{where}: a deny rule has no conditions");
                if (action == "evaluate" && conditions.Count == 0 && rate is null) errors.Add($"{where}: an evaluate rule needs a condition");
                if (rate is not null)
                {
                    if (!RateRegex().IsMatch(rate)) errors.Add($"{where}: rate_limit must be N/minute|hour|day");
                    if (conditions.Count > 0 || rule["state"] is not null || action == "deny") errors.Add($"{where}: rate_limit cannot be combined with conditions, state or deny");
                }
                if (rule["state"] is { } state && (string?)state["window"] is not ("minute" or "hour" or "day")) errors.Add($"{where}: state.window must be minute, hour or day");
                foreach (var c in conditions)
                {
                    var path = (string?)c!["path"] ?? "";
                    var op = (string?)c["op"];
                    var value = c["value"];
                    if (!path.StartsWith("args.", StringComparison.Ordinal) && !path.StartsWith("state.", StringComparison.Ordinal)) errors.Add($"{where}: path must start with args. or state.");
                    if (!Ops.Contains(op)) errors.Add($"{where}: unknown op {op}");
                    if (op is "in" or "not_in" && value is not JsonArray) errors.Add($"{where}: {op} needs a list");
                    if (op is "lt" or "lte" or "gt" or "gte" && value?.GetValueKind() != System.Text.Json.JsonValueKind.Number) errors.Add($"{where}: {op} needs a number");
                    if (op == "exists" && value?.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)) errors.Add($"{where}: exists needs a bool");
                    if (op == "regex")
                    {
                        try { _ = new Regex((string)value!); }
                        catch (Exception e) when (e is ArgumentException or InvalidCastException) { errors.Add($"{where}: bad regex"); }
                    }
                }
            }
        }
        return errors;
    }

    [GeneratedRegex("^[1-9][0-9]*/(minute|hour|day)$")]
    private static partial Regex RateRegex();
}
