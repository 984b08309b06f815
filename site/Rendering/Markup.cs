namespace Catalog.Site.Rendering;

/// <summary>
/// HTML that is already safe to emit: built by <see cref="Html.Of"/> (which encodes every string it is given), by
/// <see cref="MarkdownText"/>, or from a trusted constant. A plain <see cref="string"/> is always treated as text.
/// </summary>
/// <remarks>
/// Markup joined by <see cref="Html.Join"/> keeps its parts unjoined: a page is sections inside a layout, and
/// joining at every level copied each section once per level. The parts are copied once, into the template or
/// string they finally end up in.
/// </remarks>
public readonly struct Markup : IEquatable<Markup>
{
    private readonly string? _value;
    private readonly Markup[]? _parts;

    internal Markup(string value) => _value = value;

    private Markup(Markup[] parts) => _parts = parts;

    public static Markup Empty => default;

    public string Value => _parts is null ? _value ?? "" : string.Concat(_parts.Select(p => p.Value));

    public bool IsEmpty => _parts is null ? string.IsNullOrEmpty(_value) : _parts.All(p => p.IsEmpty);

    /// <summary>The text of a single piece, or null for a concatenation (then see <see cref="Parts"/>).</summary>
    internal string? Text => _parts is null ? _value ?? "" : null;

    internal ReadOnlySpan<Markup> Parts => _parts;

    /// <summary>The parts one after another, without copying them.</summary>
    internal static Markup Concat(Markup[] parts) => parts.Length == 1 ? parts[0] : new(parts);

    public override string ToString() => Value;

    public bool Equals(Markup other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Markup m && Equals(m);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(Markup left, Markup right) => left.Equals(right);

    public static bool operator !=(Markup left, Markup right) => !left.Equals(right);
}
