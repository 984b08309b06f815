using System.Globalization;
using Catalog.Data.Model;
using Catalog.Site.Rendering;

namespace Catalog.Site.Pages;

/// <summary>Inline SVG charts: no script, no external request.</summary>
public static class Charts
{
    /// <summary>A stacked bar of tools per risk class, Low to Critical.</summary>
    public static Markup RiskBar(IReadOnlyDictionary<RiskClass, int> counts)
    {
        var total = counts.Values.Sum();
        if (total == 0) return Markup.Empty;
        var x = 0.0;
        var rects = new List<Markup>();
        foreach (var risk in Enum.GetValues<RiskClass>())
        {
            if (!counts.TryGetValue(risk, out var n) || n == 0) continue;
            var w = 100.0 * n / total;
            rects.Add(Html.Of($"<rect x=\"{F(x)}\" y=\"0\" width=\"{F(w)}\" height=\"10\" class=\"fill-{risk.ToString().ToLowerInvariant()}\"><title>{risk.ToString()}: {n}</title></rect>"));
            x += w;
        }
        var label = string.Join(", ", Enum.GetValues<RiskClass>().Where(r => counts.GetValueOrDefault(r) > 0).Select(r => $"{counts[r]} {r}"));
        return Html.Of($"<svg class=\"riskbar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Tools by risk class: {label}\">{rects}</svg>");
    }

    /// <summary>One labelled horizontal bar per row; a row with a link makes its label a link.</summary>
    public static Markup Bars(string label, IReadOnlyList<(string Label, int Value, string Fill, string? Href)> rows)
    {
        if (rows.Count == 0) return Html.Of($"<p class=\"muted\">Nothing to show yet.</p>");
        var max = Math.Max(1, rows.Max(r => r.Value));
        const int labelWidth = 170, barWidth = 300, rowHeight = 24;
        var height = rows.Count * rowHeight;
        var items = rows.Select((r, i) =>
        {
            var y = i * rowHeight;
            var w = barWidth * (double)r.Value / max;
            var text = Html.Of($"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{Html.Truncate(r.Label, 26)}</text>");
            var labelPart = r.Href is { } href ? Html.Of($"<a href=\"{href}\">{text}</a>") : text;
            return Html.Of($"<g>{labelPart}<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{F(Math.Max(w, r.Value > 0 ? 1 : 0))}\" height=\"16\" rx=\"2\" class=\"{r.Fill}\"><title>{r.Label}: {r.Value}</title></rect><text x=\"{F(labelWidth + w + 6)}\" y=\"{y + 16}\" class=\"val\">{r.Value}</text></g>");
        });
        var summary = string.Join(", ", rows.Select(r => $"{r.Label} {r.Value}"));
        return Html.Of($"<svg class=\"chart\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" role=\"img\" aria-label=\"{label}: {Html.Truncate(summary, 500)}\">{Html.Join(items)}</svg>");
    }

    /// <summary>One stacked bar per row (counts by risk class, Low to Critical).</summary>
    public static Markup StackedRisk(string label, IReadOnlyList<(string Label, IReadOnlyDictionary<RiskClass, int> Counts, string? Href)> rows)
    {
        if (rows.Count == 0) return Html.Of($"<p class=\"muted\">Nothing to show yet.</p>");
        var max = Math.Max(1, rows.Max(r => r.Counts.Values.Sum()));
        const int labelWidth = 170, barWidth = 300, rowHeight = 24;
        var items = rows.Select((r, i) =>
        {
            var y = i * rowHeight;
            var x = (double)labelWidth;
            var rects = new List<Markup>();
            foreach (var risk in Enum.GetValues<RiskClass>())
            {
                var n = r.Counts.GetValueOrDefault(risk);
                if (n == 0) continue;
                var w = barWidth * (double)n / max;
                rects.Add(Html.Of($"<rect x=\"{F(x)}\" y=\"{y + 4}\" width=\"{F(w)}\" height=\"16\" class=\"fill-{risk.ToString().ToLowerInvariant()}\"><title>{r.Label}: {n} {risk.ToString()}</title></rect>"));
                x += w;
            }
            var text = Html.Of($"<text x=\"{labelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{Html.Truncate(r.Label, 26)}</text>");
            var labelPart = r.Href is { } href ? Html.Of($"<a href=\"{href}\">{text}</a>") : text;
            return Html.Of($"<g>{labelPart}{Html.Join(rects)}<text x=\"{F(x + 6)}\" y=\"{y + 16}\" class=\"val\">{r.Counts.Values.Sum()}</text></g>");
        });
        return Html.Of($"<svg class=\"chart\" viewBox=\"0 0 {labelWidth + barWidth + 60} {rows.Count * rowHeight}\" role=\"img\" aria-label=\"{label}\">{Html.Join(items)}</svg>");
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
