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

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
