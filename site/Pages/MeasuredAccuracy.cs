using System.Globalization;
using System.Text.Json;
using Catalog.Site.Rendering;

namespace Catalog.Site.Pages;

/// <summary>
/// The methodology page's measured accuracy, read from the report <c>catalog eval --write-report</c> wrote, so the
/// figures on the page are the ones measured and never typed in.
/// </summary>
internal static class MeasuredAccuracy
{
    private static readonly string[] Categories = ["Read", "Write", "Destructive"];

    public static Markup Render(string? path)
    {
        if (path is null || !File.Exists(path))
            return Html.Of($"<section><h2>Measured accuracy</h2><p class=\"muted\">No evaluation report was given to this build (<code>catalog eval --cv 5 --write-report data/seed/eval-report.json</code> writes one).</p></section>");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return Render(doc.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Html.Of($"<section><h2>Measured accuracy</h2><p class=\"muted\">The evaluation report could not be read: {ex.Message}</p></section>");
        }
    }

    private static Markup Render(JsonElement r)
    {
        var folds = r.GetProperty("folds").GetInt32();
        var how = folds > 0
            ? $"{folds}-fold cross-validation grouped by {r.GetProperty("groupedBy").GetString()}: no server is in both the training and the test part of a fold"
            : "the committed classifier measured as is";
        var annotations = r.GetProperty("ignoreAnnotations").GetBoolean() ? "with the tools' annotations ignored" : "with the tools' annotations read";
        var classes = r.GetProperty("classes");
        var classRows = Categories.Select(c =>
        {
            var k = classes.GetProperty(c);
            return Html.Of($"<tr><th>{c}</th><td>{N(k, "precision")}</td><td>{N(k, "recall")}</td><td>{N(k, "f1")}</td><td>{k.GetProperty("support").GetInt32().ToString(CultureInfo.InvariantCulture)}</td></tr>");
        });
        var matrix = r.GetProperty("confusion").GetProperty("rowsAreLabelsColumnsArePredictions");
        var confusionRows = Categories.Select((c, i) => Html.Of(
            $"<tr><th>{c}</th>{Html.Join(matrix[i].EnumerateArray().Select(v => Html.Of($"<td>{v.GetInt32().ToString(CultureInfo.InvariantCulture)}</td>")))}</tr>"));
        var buckets = r.GetProperty("calibration").EnumerateArray().Select(b => Html.Of(
            $"<tr><td>{N(b, "from", "0.00")}–{N(b, "to", "0.00")}</td><td>{b.GetProperty("count").GetInt32().ToString(CultureInfo.InvariantCulture)}</td><td>{N(b, "meanConfidence")}</td><td>{N(b, "accuracy")}</td></tr>"));
        return Html.Of($"""
            <section id="measured"><h2>Measured accuracy</h2>
            <p>On {r.GetProperty("tools").GetInt32().ToString(CultureInfo.InvariantCulture)} labelled tools of {r.GetProperty("servers").GetInt32().ToString(CultureInfo.InvariantCulture)} servers (<code>{r.GetProperty("input").GetString() ?? ""}</code>), {how}, {annotations}; classifier <code>{r.GetProperty("classifierVersion").GetString() ?? ""}</code> ({r.GetProperty("mode").GetString() ?? ""}).
            Category accuracy <strong>{N(r, "accuracy")}</strong>, macro-F1 {N(r, "macroF1")}.</p>
            <div class="scroll"><table><thead><tr><th>Category</th><th>Precision</th><th>Recall</th><th>F1</th><th>Tools</th></tr></thead>
            <tbody>{Html.Join(classRows, "\n")}</tbody></table></div>
            <h3>Confusion matrix</h3><p>Rows are the labels, columns what the classifier said.</p>
            <div class="scroll"><table><thead><tr><th>Labelled</th>{Html.Join(Categories.Select(c => Html.Of($"<th>{c}</th>")))}</tr></thead>
            <tbody>{Html.Join(confusionRows, "\n")}</tbody></table></div>
            <h3>Calibration</h3><p>When the classifier states a confidence, how often it is right (expected calibration error {N(r, "expectedCalibrationError")}).</p>
            <div class="scroll"><table><thead><tr><th>Confidence</th><th>Tools</th><th>Mean confidence</th><th>Accuracy</th></tr></thead>
            <tbody>{Html.Join(buckets, "\n")}</tbody></table></div>
            </section>
            """);
    }

    private static string N(JsonElement e, string property, string format = "0.000") =>
        e.GetProperty(property).GetDouble().ToString(format, CultureInfo.InvariantCulture);
}
