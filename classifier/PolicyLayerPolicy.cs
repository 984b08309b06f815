using System.Text;
using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier;

/// <summary>
/// Renders recommendations as PolicyLayer policy JSON (policy-formats.md §1a): <c>version</c> "1", <c>default</c>
/// "deny", hidden tools under <c>hide</c>, the rest under <c>tools</c>. Tool names are sorted ordinally, so the same
/// input always gives the same bytes.
/// </summary>
public static class PolicyLayerPolicy
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n" };

    /// <summary>The policy document for one tool alone. Under <c>default: deny</c> it blocks every other tool.</summary>
    public static string ForTool(string toolName, Classification c) => ForServer([(toolName, c)]);

    /// <summary>One policy document for every tool of a server.</summary>
    /// <exception cref="ArgumentException">Two tools share a name.</exception>
    public static string ForServer(IEnumerable<(string ToolName, Classification C)> tools)
    {
        var sorted = tools.OrderBy(t => t.ToolName, StringComparer.Ordinal).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].ToolName == sorted[i - 1].ToolName)
                throw new ArgumentException($"Tool '{sorted[i].ToolName}' appears twice.", nameof(tools));
        }

        var hidden = sorted.Where(t => t.C.Policy.Action == PolicyAction.Hide).Select(t => t.ToolName).ToList();
        var listed = sorted.Where(t => t.C.Policy.Action != PolicyAction.Hide).ToList();

        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("version", "1");
            w.WriteString("default", "deny");
            if (hidden.Count > 0)
            {
                w.WriteStartArray("hide");
                foreach (var name in hidden) w.WriteStringValue(name);
                w.WriteEndArray();
            }
            if (listed.Count > 0)
            {
                w.WriteStartObject("tools");
                foreach (var (name, c) in listed) WriteRule(w, name, c.Policy);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRule(Utf8JsonWriter w, string name, PolicyRecommendation p)
    {
        w.WriteStartObject(name);
        switch (p.Action)
        {
            case PolicyAction.RateLimit:
                w.WriteStartArray("limits");
                w.WriteStartObject();
                w.WriteString("counter", name + "_rate");
                w.WriteString("window", p.RateLimitWindow ?? "minute");
                w.WriteNumber("max", p.RateLimitMax ?? 30);
                w.WriteString("scope", "grant");
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            // The format has no approval field; PolicyLayer's own destructive snippet is an unconditional deny_if.
            case PolicyAction.Deny or PolicyAction.RequireApproval:
                w.WriteStartArray("deny_if");
                w.WriteStartObject();
                w.WriteStartArray("conditions");
                w.WriteEndArray();
                w.WriteString("on_deny", p.Message ?? Policy.PolicyRecommender.DenyMessage);
                w.WriteEndObject();
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }
}
