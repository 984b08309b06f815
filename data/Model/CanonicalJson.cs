using System.Text;
using System.Text.Json;

namespace Catalog.Data.Model;

/// <summary>Writes JSON with object keys in ordinal order, so equal documents give equal bytes.</summary>
public static class CanonicalJson
{
    public static void Write(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) Write(w, item);
                w.WriteEndArray();
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    public static string ToString(JsonElement e, bool indented = false)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            Write(w, e);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
