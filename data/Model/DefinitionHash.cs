using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Catalog.Data.Model;

/// <summary>SHA-256 of a tool definition's canonical JSON (object keys sorted, no whitespace).</summary>
public static class DefinitionHash
{
    public static string Compute(ToolDefinition tool)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("annotations");
            if (tool.Annotations is not { IsEmpty: false } a)
            {
                w.WriteNullValue();
            }
            else
            {
                w.WriteStartObject();
                WriteBool(w, "destructiveHint", a.DestructiveHint);
                WriteBool(w, "idempotentHint", a.IdempotentHint);
                WriteBool(w, "openWorldHint", a.OpenWorldHint);
                WriteBool(w, "readOnlyHint", a.ReadOnlyHint);
                if (a.Title is not null) w.WriteString("title", a.Title);
                w.WriteEndObject();
            }
            w.WriteString("description", tool.Description ?? "");
            w.WritePropertyName("inputSchema");
            if (tool.InputSchema is { } schema) CanonicalJson.Write(w, schema); else w.WriteNullValue();
            w.WriteString("name", tool.Name);
            w.WriteString("title", tool.Title ?? "");
            w.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteBool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v) w.WriteBoolean(name, v);
    }
}
