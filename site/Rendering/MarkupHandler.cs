using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Catalog.Site.Rendering;

/// <summary>
/// Interpolation handler behind <see cref="Html.Of"/>: literal template text passes through, every interpolated
/// <see cref="string"/> is HTML-encoded, <see cref="Markup"/> passes through. There is deliberately no generic
/// overload, so an unexpected type is a compile error rather than unencoded output.
/// </summary>
/// <remarks>
/// Short markup is copied in; longer markup (a section inside a page, a table inside a section) is kept by reference
/// as a part of the result, so nesting templates does not copy the same text once per level.
/// </remarks>
[InterpolatedStringHandler]
public ref struct MarkupHandler
{
    // A pooled buffer rather than a StringBuilder: templates nest, so builders kept for reuse never matched the size
    // of the next template, and a grown StringBuilder allocates a whole new array when it is cleared.
    private const int CopyAtMost = 256;

    private char[] _buffer;
    private int _length;
    private List<Markup>? _parts;

    public MarkupHandler(int literalLength, int formattedCount)
    {
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(256, literalLength + formattedCount * 16));
    }

    public void AppendLiteral(string literal) => Append(literal);

    public void AppendFormatted(string? text) => Append(Html.Encode(text));

    public void AppendFormatted(Markup markup)
    {
        if (markup.Text is { } text && text.Length <= CopyAtMost)
        {
            Append(text);
            return;
        }
        if (markup.IsEmpty) return;
        _parts ??= [];
        FlushText();
        _parts.Add(markup);
    }

    public void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts) AppendFormatted(part);
    }

    public void AppendFormatted(int value) => AppendNumber(value);

    public void AppendFormatted(long value) => AppendNumber(value);

    public void AppendFormatted(double value, string format) => Append(Html.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal Markup ToMarkup()
    {
        Markup markup;
        if (_parts is null)
        {
            markup = new Markup(new string(_buffer, 0, _length));
        }
        else
        {
            FlushText();
            markup = Markup.Concat([.. _parts]);
        }
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        return markup;
    }

    private void FlushText()
    {
        if (_length == 0) return;
        _parts!.Add(new Markup(new string(_buffer, 0, _length)));
        _length = 0;
    }

    private void AppendNumber<T>(T value) where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_buffer.AsSpan(_length), out written, default, CultureInfo.InvariantCulture)) Grow(32);
        _length += written;
    }

    private void Append(string text)
    {
        if (text.Length > _buffer.Length - _length) Grow(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
