using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Rendering;
using Catalog.Site.Text;

namespace Catalog.Site.Pages;

/// <summary>How classes are assigned: the risk table, rendered from <see cref="RiskTable"/> itself so it cannot drift.</summary>
public static class MethodologyPage
{
    public static string Render(SiteOptions options)
    {
        string[] none = [];
        string[] one = [CapabilityTags.ExternalCommunication];
        string[] severe = [CapabilityTags.CodeExecution];
        var rows = Enum.GetValues<Category>().Select(c => Html.Of(
            $"<tr><th>{c.ToString()}</th><td>{Layout.Badge("risk", RiskTable.Classify(c, none).ToString())}</td><td>{Layout.Badge("risk", RiskTable.Classify(c, one).ToString())}{(c == Category.Read ? Html.Of($" ({Layout.Badge("risk", RiskTable.Classify(c, [CapabilityTags.Credentials]).ToString())} for reading secrets)") : Markup.Empty)}</td><td>{Layout.Badge("risk", RiskTable.Classify(c, severe).ToString())}</td></tr>"));
        var tags = CapabilityTags.All.Select(t => Html.Of(
            $"<li><a href=\"{SitePaths.ByTag(t)}\"><code>{t}</code></a> — {Words.TagMeaning(t)}{(CapabilityTags.HighImpact.Contains(t) ? " (sensitive)" : "")}</li>"));
        var severities = Enum.GetValues<FindingSeverity>().Select(s => Html.Of($"<li><code>{s.ToString()}</code> is shown as “{Words.Severity(s)}”</li>"));
        var body = Html.Of($"""
            <h1>Methodology</h1>
            <section><h2>Categories</h2><ul>
            {Html.Join(Enum.GetValues<Category>().Select(c => Html.Of($"<li><strong>{c.ToString()}</strong> — {Words.CategoryMeaning(c)}</li>")))}
            </ul><p>A tool gets the category of its worst normal use. A tool that bundles several operations behind one argument takes its most harmful operation's category, and each operation is listed on its page.</p></section>
            <section><h2>Risk class</h2>
            <p>The class is a function of category and capability tags, computed by one table in code; the pages and the rationales read it from the same place.</p>
            <div class="scroll"><table>
            <thead><tr><th>Category</th><th>No sensitive tag</th><th>A sensitive tag</th><th>Money movement, arbitrary code, or bulk change</th></tr></thead>
            <tbody>{Html.Join(rows, "\n")}</tbody>
            </table></div></section>
            <section><h2>Capability tags</h2><ul>{tags}</ul></section>
            {MeasuredAccuracy.Render(options.EvalReportPath)}
            <section><h2>Findings</h2><p>Findings are problems in a definition itself — hidden instructions, contradicting annotations, a definition that changed for the worse. Their severities use their own words so they are never confused with a risk class:</p><ul>{severities}</ul></section>
            <section><h2>Annotations</h2><p>MCP annotations (<code>readOnlyHint</code>, <code>destructiveHint</code>, …) are the server author's claim. The specification says clients must treat them as untrusted, so they are evidence here, not the answer, and each tool page shows where they disagree with the classification.</p></section>
            <section><h2>Policies</h2><p>Each tool and each server gets a recommended PolicyLayer gateway policy. Page text about limits, hiding and denying is generated from that JSON, so the prose and the policy cannot disagree.</p></section>
            """);
        return Layout.Page(SitePaths.Methodology, "Methodology", "How tools are categorised and how risk classes and policies are assigned.", body, options).Value;
    }
}
