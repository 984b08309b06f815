using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Data.Io;

/// <summary>Writes a classification's fields in the one shape every JSON output uses (CLI lines, API mirror).</summary>
public static class ClassificationJson
{
    public static void WriteFields(Utf8JsonWriter w, Classification c)
    {
        w.WriteString("category", c.Category.ToString());
        w.WriteString("risk", c.Risk.ToString());
        w.WriteStartArray("tags");
        foreach (var t in c.Tags) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteNumber("confidence", Math.Round(c.Confidence, 3));
        w.WriteString("rationale", c.Rationale);
        w.WritePropertyName("evidence");
        JsonSerializer.Serialize(w, c.Evidence.ToList(), CatalogJson.Default.ListEvidence);
        w.WritePropertyName("findings");
        JsonSerializer.Serialize(w, c.Findings.ToList(), CatalogJson.Default.ListFinding);
        w.WritePropertyName("operations");
        JsonSerializer.Serialize(w, c.Operations.ToList(), CatalogJson.Default.ListOperationClass);
        w.WriteString("classifierVersion", c.ClassifierVersion);
    }
}
