using System.Security.Cryptography;
using System.Text;

namespace Catalog.Site.Output;

/// <summary>
/// Assigns every name in one scope (all servers, or the tools of one server) a unique slug. Names are taken in
/// ordinal order, so the result depends only on the set of names: the first keeps the plain slug, later names that
/// collide get a hash suffix.
/// </summary>
public sealed class SlugMap
{
    private readonly Dictionary<string, string> _slugs = new(StringComparer.Ordinal);

    public SlugMap(IEnumerable<string> names)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var slug = Slug.From(name);
            if (!taken.Add(slug))
            {
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
                var length = 8;
                do
                {
                    slug = Slug.From(name) + "-" + hash[..length];
                    length += 4;
                } while (!taken.Add(slug) && length <= hash.Length);
            }
            _slugs[name] = slug;
        }
    }

    public string this[string name] => _slugs[name];

    public bool TryGet(string name, out string slug) => _slugs.TryGetValue(name, out slug!);
}
