using System.Security.Cryptography;
using System.Text;

namespace Catalog.Site.Output;

/// <summary>A SHA-256 over length-prefixed strings: the fingerprint of everything one page is rendered from.</summary>
public sealed class InputHash : IDisposable
{
    /// <summary>Bumped whenever page templates change, so every page is rendered again once.</summary>
    public const string GeneratorVersion = "site-7";

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8];

    public InputHash() => Add(GeneratorVersion);

    public InputHash Add(string? value)
    {
        if (value is null)
        {
            BitConverter.TryWriteBytes(_buffer, -1L);
            _hash.AppendData(_buffer);
            return this;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        BitConverter.TryWriteBytes(_buffer, (long)bytes.Length);
        _hash.AppendData(_buffer);
        _hash.AppendData(bytes);
        return this;
    }

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset())[..32];

    public void Dispose() => _hash.Dispose();
}
