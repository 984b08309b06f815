using System.Security.Cryptography;
using System.Text;

namespace Catalog.Site.Output;

/// <summary>
/// File-name slugs for crawled names: lowercase <c>[a-z0-9-._]</c>, no <c>..</c>, no leading dot, bounded length.
/// Distinct names that slug alike are told apart by <see cref="SlugMap"/>.
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string name)
    {
        var sb = new StringBuilder(Math.Min(name.Length, MaxLength + 8));
        foreach (var ch in name)
        {
            var c = char.ToLowerInvariant(ch);
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-';
            var next = keep ? c : '-';
            if (sb.Length > 0)
            {
                var last = sb[^1];
                if (next == '-' && last == '-') continue;
                if (next == '.' && last == '.') continue;
            }
            sb.Append(next);
            if (sb.Length >= MaxLength * 2) break;
        }
        var slug = sb.ToString().Trim('-', '.', '_');
        // "foo.policy" would share a file with foo's policy download (foo.policy.json).
        if (slug.EndsWith(".policy", StringComparison.Ordinal)) slug = slug[..^7] + "-policy";
        if (slug.Length > MaxLength) slug = slug[..MaxLength].TrimEnd('-', '.', '_') + "-" + ShortHash(name);
        return slug.Length == 0 ? "x-" + ShortHash(name) : slug;
    }

    /// <summary>First 8 hex digits of the SHA-256 of the name: stable across runs and machines.</summary>
    public static string ShortHash(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
}
