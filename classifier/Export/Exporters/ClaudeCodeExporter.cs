using System.Text;
using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Export.Exporters;

/// <summary>
/// Claude Code <c>settings.json</c> permissions (policy-formats.md §7.1): <c>allow</c>, <c>ask</c> (a real approval)
/// and <c>deny</c> lists of <c>mcp__server__tool</c> rules. No rate limits and no argument conditions: those tools go
/// to <c>ask</c> (or <c>deny</c> when the lost condition guarded a refused operation). JSON has no comments; the
/// fallbacks are in the notes.
/// </summary>
public sealed class ClaudeCodeExporter : IPolicyExporter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format => "claude-code";

    // A bare deny removes the tool from the model's context, which is what hide means.
    public FormatCapabilities Capabilities { get; } = new(RateLimit: false, Approval: true, Hide: true, FormatCapabilities.None);

    public ExportResult Export(PolicyPlan plan)
    {
        var (servers, notes) = RuleLowering.LowerAll(plan, Capabilities, Format);
        var rules = servers.SelectMany(s => s.Rules.Select(r => (Name: RuleName(s.Server.Alias, r.Policy.Tool), r.Action))).ToList();
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/claude-code-settings.json");
            w.WriteStartObject("permissions");
            List("allow", a => a == PolicyAction.Allow);
            List("ask", a => a == PolicyAction.RequireApproval);
            List("deny", a => a is PolicyAction.Deny or PolicyAction.Hide);
            w.WriteEndObject();
            w.WriteEndObject();

            void List(string key, Func<PolicyAction, bool> which)
            {
                w.WriteStartArray(key);
                foreach (var (name, _) in rules.Where(x => which(x.Action))) w.WriteStringValue(name);
                w.WriteEndArray();
            }
        }
        return new ExportResult(Encoding.UTF8.GetString(buffer.ToArray()) + "\n", notes);
    }

    /// <summary><c>mcp__server__tool</c>; characters Claude Code does not keep in names become '_'.</summary>
    public static string RuleName(string server, string tool) => $"mcp__{Clean(server)}__{Clean(tool)}";

    private static string Clean(string s) => new(s.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
}
