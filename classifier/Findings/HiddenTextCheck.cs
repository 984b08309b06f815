using System.Buffers;
using System.Globalization;
using Catalog.Classifier.Decision;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Findings;

/// <summary>
/// Invisible characters in what the model reads: zero-width characters hide text from a human reviewer, bidi
/// overrides make it display differently from how it reads, Unicode tag characters smuggle ASCII.
/// </summary>
internal sealed class HiddenTextCheck : IFindingCheck
{
    public void Check(ToolFacts facts, Verdict verdict, IReadOnlyList<string> tags, List<Finding> findings)
    {
        if (Homoglyph(facts.Name, findings)) return;
        if (Scan(facts.Name, "name", findings) || Scan(facts.Title, "title", findings) || Scan(facts.Description, "description", findings))
            return;
        foreach (var p in facts.Properties)
        {
            // The place is named only for a text that has a suspect character at all.
            if (HasSuspect(p.Description) && Scan(p.Description, $"parameter {p.Name}", findings)) return;
        }
    }

    private static bool HasSuspect(string text) => text.AsSpan().IndexOfAny(Suspects) >= 0;

    // One vectorised pass finds candidates; almost every text has none.
    private static readonly SearchValues<char> Suspects = SearchValues.Create(
        "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\uFEFF\uDB40");

    private static bool Scan(string text, string where, List<Finding> findings)
    {
        var first = text.AsSpan().IndexOfAny(Suspects);
        if (first < 0) return false;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            var kind = Kind(c, i + 1 < text.Length ? text[i + 1] : '\0');
            // A byte-order mark at the very start is an encoding artefact, not hiding.
            if (kind is null || c == '\uFEFF' && i == 0) continue;
            var code = char.IsHighSurrogate(c) && i + 1 < text.Length ? char.ConvertToUtf32(c, text[i + 1]) : c;
            var codeText = "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
            findings.Add(new Finding("hidden-text", kind == "zero-width" ? FindingSeverity.Medium : FindingSeverity.High,
                $"{codeText} at offset {i} of the {where}",
                $"The {where} contains a {kind} character ({codeText}) that a reviewer cannot see but the model reads."));
            return true;
        }
        return false;
    }

    // A Latin name with a Cyrillic or Greek letter inside ("dеlete_file" with U+0435) looks like another tool's name
    // to a reviewer while matching none of its rules. A name written wholly in another script is just a name.
    private static bool Homoglyph(string name, List<Finding> findings)
    {
        var latin = false;
        var foreignAt = -1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin = true;
            else if (foreignAt < 0 && c is >= '\u0370' and <= '\u03FF' or >= '\u0400' and <= '\u04FF') foreignAt = i;
        }
        if (!latin || foreignAt < 0) return false;
        var code = "U+" + ((int)name[foreignAt]).ToString("X4", CultureInfo.InvariantCulture);
        findings.Add(new Finding("hidden-text", FindingSeverity.High, $"{code} at offset {foreignAt} of the name",
            $"The name mixes Latin letters with a look-alike letter ({code}), so it can pass for another tool's name."));
        return true;
    }

    private static string? Kind(char c, char next) => c switch
    {
        >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF' or >= '\u2061' and <= '\u2064' => "zero-width",
        '\u200E' or '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' => "bidi control",
        // U+E0000–E007F (tag characters) are the surrogate pair DB40 DC00–DC7F.
        '\uDB40' when next is >= '\uDC00' and <= '\uDC7F' => "Unicode tag",
        _ => null,
    };
}
