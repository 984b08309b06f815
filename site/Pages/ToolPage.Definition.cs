using Catalog.Data.Model;
using Catalog.Site.Rendering;
using Catalog.Site.Text;
using Catalog.Site.Views;

namespace Catalog.Site.Pages;

public sealed partial class ToolPage
{
    private Markup Evidence()
    {
        if (C is null || C.Evidence.Count == 0) return Markup.Empty;
        var items = C.Evidence
            .OrderByDescending(e => e.Weight).ThenBy(e => e.Signal, StringComparer.Ordinal).ThenBy(e => e.Text, StringComparer.Ordinal)
            .Take(50)
            .Select(e => Html.Of($"<li><span class=\"signal\">{e.Signal}</span> in {e.Source}: <q>{Html.Truncate(e.Text, 300)}</q> → <strong>{e.Points}</strong> <span class=\"muted\">(weight {e.Weight:0.00})</span></li>"));
        return Section("definition-says", "What the definition says", Html.Of($"<ul class=\"evidence\">{items}</ul>"));
    }

    private Markup ParametersSection()
    {
        var table = Table;
        var note = table.Note is null ? Markup.Empty : Html.Of($"<p class=\"muted\">{table.Note}</p>");
        if (table.Rows.Count == 0) return Section("parameters", "Parameters", note);
        var rows = table.Rows.Select(r =>
        {
            var values = r.Enum.Count == 0 ? Markup.Empty
                : Html.Of($"<div class=\"enum\">One of: {Html.Join(r.Enum.Select(v => Html.Of($"<code>{v}</code>")), ", ")}{(r.EnumMore > 0 ? $" and {r.EnumMore} more" : "")}</div>");
            var def = r.Default is null ? Markup.Empty : Html.Of($"<code>{r.Default}</code>");
            return Html.Of($"<tr class=\"depth-{Math.Min(r.Depth, 3)}\"><td><code>{r.Name}</code></td><td>{r.Type}</td><td>{(r.Required ? "yes" : "no")}</td><td>{r.Description ?? ""}{values}</td><td>{def}</td></tr>");
        });
        return Section("parameters", "Parameters", Html.Of($"""
            <div class="scroll"><table class="params">
            <thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Description</th><th>Default</th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div>
            {note}
            """));
    }

    private Markup Operations()
    {
        if (C is null || C.Operations.Count == 0) return Markup.Empty;
        var rows = C.Operations.Select(o => Html.Of($"<tr><td><code>{o.Parameter}</code></td><td><code>{o.Value}</code></td><td>{Layout.Badge("cat", o.Category.ToString())}</td></tr>"));
        return Section("operations", "Operations", Html.Of($"""
            <p>This tool does different things depending on one argument. Each value was classified on its own; the tool as a whole takes the category of its most harmful operation.</p>
            <div class="scroll"><table>
            <thead><tr><th>Argument</th><th>Value</th><th>Category</th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div>
            """));
    }

    private Markup Findings()
    {
        if (C is null) return Markup.Empty;
        if (C.Findings.Count == 0) return Section("findings", "Findings", Html.Of($"<p>No problems were found in the definition itself (prompt injection, hidden text, contradicting annotations, changed behaviour).</p>"));
        var items = C.Findings
            .OrderByDescending(f => f.Severity).ThenBy(f => f.Type, StringComparer.Ordinal)
            .Select(f => Html.Of($"<li><span class=\"sev sev-{Words.Severity(f.Severity)}\">{Words.Severity(f.Severity)}</span> <strong>{f.Type}</strong>: {f.Explanation}<br><q>{Html.Truncate(f.Evidence, 400)}</q></li>"));
        return Section("findings", "Findings", Html.Of($"<ul class=\"findings\">{items}</ul>"));
    }

    private Markup Annotations()
    {
        var a = _tool.Tool.Definition.Annotations;
        var rows = new List<Markup>
        {
            AnnotationRow("readOnlyHint", a?.ReadOnlyHint, C is null ? null : C.Category == Category.Read),
            AnnotationRow("destructiveHint", a?.DestructiveHint, C is null ? null : C.Category == Category.Destructive),
            AnnotationRow("idempotentHint", a?.IdempotentHint, null),
            AnnotationRow("openWorldHint", a?.OpenWorldHint,
                C is not null && (C.Tags.Contains(CapabilityTags.OpenWorld) || C.Tags.Contains(CapabilityTags.ExternalCommunication)) ? true : null),
        };
        var intro = a is null || a.IsEmpty
            ? Html.Of($"<p>The server declares no annotations for this tool. The MCP specification says clients must treat annotations as untrusted hints; the second column is what this catalog infers from the definition.</p>")
            : Html.Of($"<p>Annotations are the server author's claim, and the MCP specification says clients must treat them as untrusted hints. They are compared here with what this catalog infers from the definition.</p>");
        return Section("annotations", "Annotations: declared and inferred", Html.Of($"""
            {intro}
            <div class="scroll"><table>
            <thead><tr><th>Hint</th><th>Declared</th><th>Inferred</th><th></th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div>
            """));
    }

    private static Markup AnnotationRow(string hint, bool? declared, bool? inferred)
    {
        var verdict = (declared, inferred) switch
        {
            (null, _) => Html.Of($"<span class=\"muted\">not declared</span>"),
            (_, null) => Markup.Empty,
            var (d, i) when d == i => Html.Of($"agrees"),
            _ => Html.Of($"<strong class=\"disagree\">disagrees</strong>"),
        };
        return Html.Of($"<tr><td><code>{hint}</code></td><td>{Bool(declared)}</td><td>{Bool(inferred)}</td><td>{verdict}</td></tr>");
    }

    private static string Bool(bool? value) => value switch { true => "true", false => "false", null => "—" };
}
