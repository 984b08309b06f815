using System.Text;
using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Export.Exporters;

/// <summary>
/// PolicyLayer hosted gateway policy JSON (policy-formats.md §1a): <c>default: deny</c>, hidden tools under
/// <c>hide</c>, budgets as <c>limits</c>, argument constraints as <c>require</c> items, refusals as an unconditional
/// <c>deny_if</c>. Several servers give one object keyed by server id, one policy each. JSON has no comments, so
/// every fallback is in the notes.
/// </summary>
public sealed class PolicyLayerExporter : IPolicyExporter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format => "policylayer";

    // No approval key; the require item shape is PolicyLayer's probable {path, op, value} (unconfirmed, §1a); a
    // spend counter needs increment_from, which the hosted format does not document.
    public FormatCapabilities Capabilities { get; } = new(RateLimit: true, Approval: false, Hide: true, c => c is not SpendCap);

    public ExportResult Export(PolicyPlan plan)
    {
        var (servers, notes) = RuleLowering.LowerAll(plan, Capabilities, Format);
        if (servers.Any(s => s.Rules.Any(r => r.Constraints.Count > 0)))
            notes.Add("policylayer: 'require' items are written as {path, op, value} like Intercept's conditions; the hosted format's item shape is not documented");
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            if (servers.Count == 1) Write(w, null, servers[0].Rules);
            else
            {
                w.WriteStartObject();
                foreach (var (s, rules) in servers) Write(w, s.ServerId, rules);
                w.WriteEndObject();
            }
        }
        return new ExportResult(Encoding.UTF8.GetString(buffer.ToArray()) + "\n", notes);
    }

    private static void Write(Utf8JsonWriter w, string? key, IReadOnlyList<LoweredRule> rules)
    {
        if (key is null) w.WriteStartObject(); else w.WriteStartObject(key);
        w.WriteString("version", "1");
        w.WriteString("default", "deny");
        var hidden = rules.Where(r => r.Action == PolicyAction.Hide).ToList();
        if (hidden.Count > 0)
        {
            w.WriteStartArray("hide");
            foreach (var r in hidden) w.WriteStringValue(r.Policy.Tool);
            w.WriteEndArray();
        }
        w.WriteStartObject("tools");
        foreach (var r in rules.Where(r => r.Action != PolicyAction.Hide)) WriteTool(w, r);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter w, LoweredRule r)
    {
        var name = r.Policy.Tool;
        w.WriteStartObject(name);
        if (r.Constraints.Count > 0)
        {
            w.WriteStartArray("require");
            foreach (var c in r.Constraints) WriteCondition(w, c);
            w.WriteEndArray();
        }
        if (r.Limit is { } l)
        {
            w.WriteStartArray("limits");
            w.WriteStartObject();
            w.WriteString("counter", $"{name}_per_{l.Window}");
            // PolicyLayer's windows are minute and hour; a daily budget is the same count over 24 hourly windows, at least.
            w.WriteString("window", l.Window == "day" ? "hour" : l.Window);
            w.WriteNumber("max", l.Window == "day" ? Math.Max(1, l.Max / 24) : l.Max);
            w.WriteString("scope", "grant");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        if (r.Action == PolicyAction.Deny)
        {
            w.WriteStartArray("deny_if");
            w.WriteStartObject();
            w.WriteStartArray("conditions");
            w.WriteEndArray();
            w.WriteString("on_deny", r.Message);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter w, ArgumentConstraint c)
    {
        w.WriteStartObject();
        w.WriteString("path", "args." + c.Parameter);
        if (c is DeniedValues d)
        {
            w.WriteString("op", "in");
            w.WriteStartArray("value");
            foreach (var v in d.Allowed) w.WriteStringValue(v);
            w.WriteEndArray();
        }
        else
        {
            w.WriteString("op", "regex");
            w.WriteString("value", ConstraintPatterns.For(c));
        }
        w.WriteEndObject();
    }
}
