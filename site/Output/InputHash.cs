using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Catalog.Site.Output;

/// <summary>
/// A SHA-256 over length-prefixed strings: the fingerprint of everything one page is rendered from. The bytes are
/// gathered in a pooled buffer and hashed once, so checking an unchanged page allocates next to nothing.
/// </summary>
public sealed class InputHash : IDisposable
{
    /// <summary>Bumped whenever page templates change, so every page is rendered again once.</summary>
    public const string GeneratorVersion = "site-9";

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;

    public InputHash() => Add(GeneratorVersion);

    public InputHash Add(string? value)
    {
        if (value is null)
        {
            Reserve(8);
            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), -1L);
            _length += 8;
            return this;
        }
        Reserve(8 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var count = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 8));
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), count);
        _length += 8 + count;
        return this;
    }

    public string Finish()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.AsSpan(0, _length), hash);
        _length = 0;
        return Convert.ToHexStringLower(hash[..16]);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Reserve(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
