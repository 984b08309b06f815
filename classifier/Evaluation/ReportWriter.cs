using System.Globalization;
using System.Text;
using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Evaluation;

/// <summary>Renders an <see cref="EvalReport"/> as aligned text for the terminal and as JSON for the site.</summary>
public static class ReportWriter
{
    public static string Text(EvalReport r)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var how = r.Folds > 0 ? $"{r.Folds}-fold cross-validation grouped by server" : "the committed classifier, no cross-validation";
        sb.AppendLine(ci, $"mode {r.Mode} ({r.ClassifierVersion}), {how}, annotations {(r.IgnoreAnnotations ? "ignored" : "used")}");
        sb.AppendLine(ci, $"{r.Tools} tools from {r.Servers} servers");
        sb.AppendLine(ci, $"accuracy {r.Accuracy:F3}   macro-F1 {r.MacroF1:F3}");
        foreach (var c in r.Classes)
            sb.AppendLine(ci, $"  {c.Category,-12} precision {c.Precision:F3}  recall {c.Recall:F3}  F1 {c.F1:F3}  (n={c.Support})");
        sb.AppendLine("confusion (rows: label, columns: predicted)");
        sb.AppendLine("                    Read   Write  Destructive");
        foreach (var c in Enum.GetValues<Category>())
        {
            var row = r.Confusion[(int)c];
            sb.AppendLine(ci, $"  {c,-14}{row[0],8}{row[1],8}{row[2],13}");
        }
        sb.AppendLine(ci, $"calibration (expected calibration error {r.ExpectedCalibrationError:F3})");
        sb.AppendLine("  confidence     count  mean conf  accuracy");
        foreach (var b in r.Calibration)
            sb.AppendLine(ci, $"  [{b.From:F2}, {b.To:F2})  {b.Count,6}  {b.MeanConfidence,9:F3}  {b.Accuracy,8:F3}");
        if (r.MostConfidentMistakes.Count > 0)
        {
            sb.AppendLine("most confident mistakes");
            foreach (var m in r.MostConfidentMistakes)
                sb.AppendLine(ci, $"  {m.Confidence:F2}  {m.Server} / {m.Tool}: labelled {m.Label}, predicted {m.Predicted}");
        }
        return sb.ToString();
    }

    public static string Json(EvalReport r)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("input", r.Input);
            w.WriteString("mode", r.Mode);
            w.WriteString("classifierVersion", r.ClassifierVersion);
            w.WriteBoolean("ignoreAnnotations", r.IgnoreAnnotations);
            w.WriteNumber("folds", r.Folds);
            w.WriteString("groupedBy", r.Folds > 0 ? "server" : "none");
            w.WriteNumber("tools", r.Tools);
            w.WriteNumber("servers", r.Servers);
            w.WriteNumber("accuracy", r.Accuracy);
            w.WriteNumber("macroF1", r.MacroF1);
            w.WriteStartObject("classes");
            foreach (var c in r.Classes)
            {
                w.WriteStartObject(c.Category.ToString());
                w.WriteNumber("precision", c.Precision);
                w.WriteNumber("recall", c.Recall);
                w.WriteNumber("f1", c.F1);
                w.WriteNumber("support", c.Support);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartObject("confusion");
            w.WriteStartArray("labels");
            foreach (var c in Enum.GetNames<Category>()) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("rowsAreLabelsColumnsArePredictions");
            foreach (var row in r.Confusion)
            {
                w.WriteStartArray();
                foreach (var n in row) w.WriteNumberValue(n);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("expectedCalibrationError", r.ExpectedCalibrationError);
            w.WriteStartArray("calibration");
            foreach (var b in r.Calibration)
            {
                w.WriteStartObject();
                w.WriteNumber("from", b.From);
                w.WriteNumber("to", b.To);
                w.WriteNumber("count", b.Count);
                w.WriteNumber("meanConfidence", b.MeanConfidence);
                w.WriteNumber("accuracy", b.Accuracy);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("mostConfidentMistakes");
            foreach (var m in r.MostConfidentMistakes) Write(w, m);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>One mistake as a single JSON line (<c>catalog eval --mistakes</c>).</summary>
    public static string JsonLine(Mistake m)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) Write(w, m);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter w, Mistake m)
    {
        w.WriteStartObject();
        w.WriteString("server", m.Server);
        w.WriteString("tool", m.Tool);
        w.WriteString("label", m.Label.ToString());
        w.WriteString("predicted", m.Predicted.ToString());
        w.WriteNumber("confidence", m.Confidence);
        w.WriteEndObject();
    }
}
