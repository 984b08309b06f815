namespace Catalog.Site.Search;

/// <summary>
/// Ascending tool ids as a compact string that needs no JSON escaping: each id is stored as its gap to the one before
/// minus one (the first as itself), in base-32 digits of the base64url alphabet, least significant first; a digit
/// with 32 added means "more digits follow". Neighbouring ids cost one character, so a list is at most about one
/// character per tool in the catalog. The same digits without gaps (<see cref="Write"/>) carry plain counts.
/// </summary>
public sealed class Postings(TextWriter output)
{
    public const string Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private int _last = -1;

    /// <summary>Appends an id greater than every id added before.</summary>
    public void Add(int id)
    {
        if (id <= _last) throw new ArgumentOutOfRangeException(nameof(id), $"Ids must ascend: {id} after {_last}.");
        Write(output, id - _last - 1);
        _last = id;
    }

    /// <summary>The ids as one string.</summary>
    public static string Of(IEnumerable<int> ids)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var postings = new Postings(text);
        foreach (var id in ids) postings.Add(id);
        return text.ToString();
    }

    /// <summary>Writes one plain non-negative number in the same digits.</summary>
    public static void Write(TextWriter output, int value)
    {
        while (value >= 32)
        {
            output.Write(Digits[32 | (value & 31)]);
            value >>= 5;
        }
        output.Write(Digits[value]);
    }
}
