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
        _builder = Builders.Rent(literalLength + formattedCount * 16);
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

    internal readonly Markup ToMarkup()
    {
        var markup = new Markup(_builder.ToString());
        Builders.Return(_builder);
        return markup;
    }

    /// <summary>
    /// Builders reused per thread: pages nest templates a few levels deep, and a fresh builder per template (grown
    /// chunk by chunk) was most of what the renderer allocated. A builder lost to an exception is simply collected.
    /// </summary>
    private static class Builders
    {
        private const int MaxKept = 16;
        private const int MaxCapacity = 256 * 1024;

        [ThreadStatic]
        private static Stack<StringBuilder>? t_free;

        public static StringBuilder Rent(int capacity)
        {
            var free = t_free;
            if (free is { Count: > 0 }) return free.Pop();
            return new StringBuilder(Math.Max(capacity, 256));
        }

        public static void Return(StringBuilder builder)
        {
            if (builder.Capacity > MaxCapacity) return;
            var free = t_free ??= new Stack<StringBuilder>(MaxKept);
            if (free.Count >= MaxKept) return;
            builder.Clear();
            free.Push(builder);
        }
    }
}
