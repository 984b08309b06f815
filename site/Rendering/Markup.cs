namespace Catalog.Site.Rendering;

/// <summary>
/// HTML that is already safe to emit: built by <see cref="Html.Of"/> (which encodes every string it is given), by
/// <see cref="MarkdownText"/>, or from a trusted constant. A plain <see cref="string"/> is always treated as text.
/// </summary>
public readonly struct Markup : IEquatable<Markup>
{
    private readonly string? _value;

    internal Markup(string value) => _value = value;

    public static Markup Empty => default;

    public string Value => _value ?? "";

    public bool IsEmpty => string.IsNullOrEmpty(_value);

    public override string ToString() => Value;

    public bool Equals(Markup other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Markup m && Equals(m);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public static bool operator ==(Markup left, Markup right) => left.Equals(right);

    public static bool operator !=(Markup left, Markup right) => !left.Equals(right);
}
