using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Site.Rendering;

namespace Catalog.Site.Pages;

/// <summary>A line diff of two tool definitions (indented JSON), LCS-based and capped so a huge schema stays cheap.</summary>
public static class LineDiff
{
    public const int MaxLines = 400;
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>The definition as indented JSON lines, in the stored field order; long strings are cut.</summary>
    public static IReadOnlyList<string> Lines(ToolDefinition definition)
    {
        var json = JsonSerializer.SerializeToElement(definition, CatalogJson.Default.ToolDefinition);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Indented)) json.WriteTo(w);
        var text = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        return text.Split('\n').Take(MaxLines + 1).Select(l => Html.Truncate(l, 300)).ToList();
    }

    public static Markup Render(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count > MaxLines || b.Count > MaxLines)
            return Html.Of($"<p class=\"muted\">The definitions are too long to compare line by line here; both versions are in the JSON mirror.</p>");
        var n = a.Count;
        var m = b.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var rows = new List<(char Op, string Line)>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x] == b[y]) { rows.Add((' ', a[x])); x++; y++; }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y])) { rows.Add(('+', b[y])); y++; }
            else { rows.Add(('-', a[x])); x++; }
        }
        // Show changed lines with two lines of context; elide the rest.
        var keep = new bool[rows.Count];
        for (var i = 0; i < rows.Count; i++)
            if (rows[i].Op != ' ')
                for (var k = Math.Max(0, i - 2); k <= Math.Min(rows.Count - 1, i + 2); k++) keep[k] = true;
        var lines = new List<Markup>();
        var skipped = false;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!keep[i]) { skipped = true; continue; }
            if (skipped) { lines.Add(Html.Of($"<span class=\"gap\">⋯</span>")); skipped = false; }
            var (op, line) = rows[i];
            lines.Add(op switch
            {
                '+' => Html.Of($"<ins>+ {line}</ins>"),
                '-' => Html.Of($"<del>- {line}</del>"),
                _ => Html.Of($"<span>  {line}</span>"),
            });
        }
        if (lines.Count == 0) return Html.Of($"<p class=\"muted\">The stored definitions are identical once formatted.</p>");
        return Html.Of($"<pre class=\"linediff\"><code>{Html.Join(lines, "\n")}</code></pre>");
    }
}
