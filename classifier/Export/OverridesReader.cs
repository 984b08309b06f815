using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catalog.Classifier.Export;

/// <summary>
/// Reads an overrides file, JSON or a small YAML subset (see <see cref="MiniYaml"/>):
/// <code>
/// tools:
///   create_issue: { action: allow, rate: 60/minute }
/// tags:
///   financial: { action: deny, message: "No payments from agents" }
/// constraints: { pathRoot: /srv/project/, domains: [api.github.com], recipients: ["@corp.example"], spendPerCall: 50, spendPerDay: 200 }
/// </code>
/// </summary>
public static class OverridesReader
{
    public static PolicyOverrides ReadFile(string path)
    {
        if (!File.Exists(path)) throw new Data.InputException($"overrides file not found: {path}");
        return Parse(File.ReadAllText(path), path);
    }

    public static PolicyOverrides Parse(string text, string source)
    {
        JsonNode? root;
        try
        {
            root = text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : MiniYaml.Parse(text);
        }
        catch (JsonException e)
        {
            throw new Data.InputException($"{source}: malformed JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new Data.InputException($"{source}: {e.Message}", e);
        }
        if (root is not JsonObject obj) throw new Data.InputException($"{source}: expected an object with 'tools', 'tags' or 'constraints'");
        foreach (var key in obj.Select(p => p.Key))
        {
            if (key is not ("tools" or "tags" or "constraints"))
                throw new Data.InputException($"{source}: unknown key '{key}' (expected tools, tags, constraints)");
        }
        return new PolicyOverrides(source, Entries(obj["tools"], source, "tools"), Entries(obj["tags"], source, "tags"),
            Settings(obj["constraints"], source));
    }

    private static Dictionary<string, PolicyOverride> Entries(JsonNode? node, string source, string section)
    {
        var result = new Dictionary<string, PolicyOverride>(StringComparer.Ordinal);
        if (node is null) return result;
        if (node is not JsonObject o) throw new Data.InputException($"{source}: '{section}' must be an object");
        foreach (var (key, raw) in o)
        {
            var where = $"{source}: {section}.{key}";
            var value = raw is JsonValue v && v.TryGetValue<string>(out var shorthand) ? new JsonObject { ["action"] = shorthand } : raw;
            if (value is not JsonObject e) throw new Data.InputException($"{where}: expected an object with 'action'");
            var actionText = Text(e["action"]) ?? throw new Data.InputException($"{where}: 'action' is required");
            var action = PolicyActions.Parse(actionText);
            RateLimit? limit = null;
            if (Text(e["rate"]) is { } rate) limit = PolicyActions.ParseRate(rate);
            else if (e["max"] is not null) limit = PolicyActions.ParseRate($"{Text(e["max"])}/{Text(e["window"]) ?? "minute"}");
            if (action == Data.Model.PolicyAction.RateLimit && limit is null)
                throw new Data.InputException($"{where}: rate-limit needs 'rate' (e.g. 60/minute)");
            result[key] = new PolicyOverride(action, limit, Text(e["message"]));
        }
        return result;
    }

    private static ConstraintSettings Settings(JsonNode? node, string source)
    {
        var d = ConstraintSettings.Default;
        if (node is null) return d;
        if (node is not JsonObject o) throw new Data.InputException($"{source}: 'constraints' must be an object");
        return new ConstraintSettings(
            Text(o["pathRoot"]) ?? d.PathRoot,
            List(o["domains"]) ?? d.Domains,
            List(o["recipients"]) ?? d.Recipients,
            Number(o["spendPerCall"], source) ?? d.SpendPerCall,
            Number(o["spendPerDay"], source) ?? d.SpendPerDay);
    }

    private static string? Text(JsonNode? n) => n switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static IReadOnlyList<string>? List(JsonNode? n) =>
        n is JsonArray a ? a.Select(Text).OfType<string>().ToList() : null;

    private static long? Number(JsonNode? n, string source) =>
        Text(n) is { } s
            ? long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new Data.InputException($"{source}: '{s}' is not a whole number")
            : null;
}
