using Catalog.Crawler.Streams;
using System.Buffers;
using System.Text.Json;

namespace Catalog.Crawler.Introspection;

/// <summary>
/// Sits between a server's stdout and the MCP client and rewrites what the client could not survive: JSON nested
/// deeper than the serializer allows (a 200-deep schema would otherwise make the whole answer vanish and the request
/// time out) has its deep parts replaced by a marker; a message deeper than <see cref="MaxParseDepth"/> is replaced
/// by a JSON-RPC error carrying the same id, so the failure has a reason. Other lines pass through untouched.
/// </summary>
public sealed class JsonLineFilter(Stream inner, int keepDepth) : ReadOnlyStream(inner)
{
    public const int MaxParseDepth = 1000;
    private readonly ArrayBufferWriter<byte> _line = new();
    private byte[] _pending = [];
    private int _pendingOffset;
    private bool _eof;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pendingOffset >= _pending.Length)
        {
            if (_eof) return 0;
            var chunk = new byte[64 * 1024];
            var n = await Inner.ReadAsync(chunk, cancellationToken);
            Accept(chunk.AsSpan(0, n));
        }
        var count = Math.Min(buffer.Length, _pending.Length - _pendingOffset);
        _pending.AsSpan(_pendingOffset, count).CopyTo(buffer.Span);
        _pendingOffset += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Accept(ReadOnlySpan<byte> data)
    {
        var output = new ArrayBufferWriter<byte>();
        if (data.IsEmpty)
        {
            _eof = true;
            output.Write(_line.WrittenSpan);
            _line.Clear();
        }
        while (!data.IsEmpty)
        {
            var newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _line.Write(data);
                break;
            }
            _line.Write(data[..newline]);
            output.Write(Filter(_line.WrittenSpan));
            output.Write("\n"u8);
            _line.Clear();
            data = data[(newline + 1)..];
        }
        _pending = output.WrittenSpan.ToArray();
        _pendingOffset = 0;
    }

    private ReadOnlySpan<byte> Filter(ReadOnlySpan<byte> line)
    {
        int depth;
        try
        {
            depth = MaxDepth(line);
        }
        catch (JsonException)
        {
            // Not JSON (a log line) or too deep to parse at all.
            return TooDeep(line) ? ErrorFor(line) : line;
        }
        if (depth <= keepDepth) return line;
        using var doc = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = MaxParseDepth + 1 });
        var rewritten = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(rewritten))
        {
            Write(w, doc.RootElement, 0);
        }
        return rewritten.WrittenSpan;
    }

    private void Write(Utf8JsonWriter w, JsonElement e, int depth)
    {
        if (depth >= keepDepth && e.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            w.WriteStartObject();
            w.WriteString("x-catalog-truncated", "nesting over the depth limit");
            w.WriteEndObject();
            return;
        }
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject())
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value, depth + 1);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) Write(w, item, depth + 1);
                w.WriteEndArray();
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    private static int MaxDepth(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxParseDepth, AllowTrailingCommas = false });
        var max = 0;
        while (reader.Read()) max = Math.Max(max, reader.CurrentDepth);
        return max;
    }

    /// <summary>Starts like JSON and nests past the parse limit: a message we must answer for, not a log line.</summary>
    private static bool TooDeep(ReadOnlySpan<byte> line)
    {
        var trimmed = line.TrimStart(" \t\r"u8);
        return !trimmed.IsEmpty && trimmed[0] == (byte)'{' && line.Count((byte)'{') + line.Count((byte)'[') > MaxParseDepth;
    }

    /// <summary>A JSON-RPC error with the message's id (read from its start), so the waiting request fails with a reason.</summary>
    private static byte[] ErrorFor(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxParseDepth });
        string? id = null;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("id"u8) && reader.Read())
                {
                    id = reader.TokenType is JsonTokenType.Number or JsonTokenType.String ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan) : null;
                    if (reader.TokenType == JsonTokenType.String) id = JsonSerializer.Serialize(id);
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // The id came after the part that was too deep; without it the request simply times out.
        }
        return id is null ? [] : System.Text.Encoding.UTF8.GetBytes(
            "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32700,\"message\":\"answer nested deeper than " + MaxParseDepth + " levels\"}}");
    }
}
