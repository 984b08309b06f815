using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Catalog.Site.Rendering;

/// <summary>
/// Interpolation handler behind <see cref="Html.Of"/>: literal template text passes through, every interpolated
/// <see cref="string"/> is HTML-encoded, <see cref="Markup"/> passes through. There is deliberately no generic
/// overload, so an unexpected type is a compile error rather than unencoded output.
/// </summary>
[InterpolatedStringHandler]
public ref struct MarkupHandler
{
    private readonly StringBuilder _builder;

    public MarkupHandler(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + formattedCount * 16);
    }

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(string? text) => _builder.Append(Html.Encode(text));

    public readonly void AppendFormatted(Markup markup) => _builder.Append(markup.Value);

    public readonly void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts) _builder.Append(part.Value);
    }

    public readonly void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(long value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));

    public readonly void AppendFormatted(double value, string format) =>
        _builder.Append(Html.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal readonly Markup ToMarkup() => new(_builder.ToString());
}
