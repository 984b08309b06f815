using System.Text.Json;

namespace Catalog.Crawler.Sources;

/// <summary>Lenient readers over untrusted JSON: a wrong type reads as absent, never as an exception.</summary>
internal static class Json
{
    public static string? Str(JsonElement e, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        foreach (var n in names)
        {
            if (e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        }
        return null;
    }

    public static bool Bool(JsonElement e, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object) return false;
        foreach (var n in names)
        {
            if (e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.True) return true;
        }
        return false;
    }

    public static IEnumerable<JsonElement> Array(JsonElement e, params string[] names)
    {
        if (e.ValueKind != JsonValueKind.Object) yield break;
        foreach (var n in names)
        {
            if (e.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in v.EnumerateArray()) yield return item;
                yield break;
            }
        }
    }

    public static JsonElement? Obj(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>Reads a whole JSON file, turning I/O and syntax problems into one-line input errors.</summary>
    public static JsonDocument ReadFile(string path, long maxBytes = 64L * 1024 * 1024)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new Data.InputException($"{path}: file not found");
        if (info.Length > maxBytes) throw new Data.InputException($"{path}: file is {info.Length} bytes, over the {maxBytes}-byte limit");
        try
        {
            var bytes = File.ReadAllBytes(path);
            // JsonDocument checks UTF-8 only when a string is read; a bad byte must fail here, with its place.
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                var valid = bytes.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                throw new Data.InputException($"{path}: not valid UTF-8 (first non-ASCII byte at offset {valid})");
            }
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new Data.InputException($"{path}: malformed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}", ex);
        }
    }
}
