using System.Globalization;
using System.Text;

namespace Catalog.Site.Policy;

/// <summary>
/// Undoes the JSON writer's \uXXXX escapes for characters a reader wants to see (an apostrophe, accented letters),
/// while keeping escaped everything that is unsafe in HTML (&lt; &gt; &amp; quotes), control and format characters
/// (zero-width, bidi overrides — showing them escaped exposes tricks) and surrogates.
/// </summary>
public static class ReadableJson
{
    public static string Unescape(string json)
    {
        var sb = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c != '\\' || i + 1 >= json.Length)
            {
                sb.Append(c);
                continue;
            }
            // Every backslash in writer output starts an escape, so escapes can be walked without tracking strings.
            if (json[i + 1] == 'u' && i + 5 < json.Length
                && int.TryParse(json.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                && IsReadable((char)code))
            {
                sb.Append((char)code);
                i += 5;
                continue;
            }
            sb.Append(c).Append(json[i + 1]);
            i++;
        }
        return sb.ToString();
    }

    private static bool IsReadable(char c)
    {
        if (c is '<' or '>' or '&' or '"' or '\\' || char.IsSurrogate(c)) return false;
        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            UnicodeCategory.SpaceSeparator => c == ' ',
            _ => true,
        };
    }
}
