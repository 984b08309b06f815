namespace Catalog.Crawler.Static;

/// <summary>
/// Constants of one source tree: string constants (<c>const NAME = "x"</c>, <c>NAME = 'x'</c>, Enum members as
/// <c>Class.MEMBER</c>) and object literals by name. Lookups also try the last dotted part, so an imported
/// <c>tools.NAME</c> resolves to a constant declared elsewhere in the repository.
/// </summary>
public sealed class SymbolTable
{
    public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

    public string? String(string name)
    {
        if (Strings.TryGetValue(name, out var v)) return v;
        var dot = name.LastIndexOf('.');
        return dot > 0 && Strings.TryGetValue(name[(dot + 1)..], out var tail) ? tail : null;
    }
}
