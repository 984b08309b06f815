using System.Globalization;

namespace Catalog.Cli.Schedule;

/// <summary>
/// The one line each scheduled run leaves, as <c>key=value</c> pairs so a journal or CI log can be grepped:
/// <c>schedule: outcome=ok started=… finished=… duration=12.3s servers=10 ok=8 …</c>.
/// </summary>
internal static class RunLog
{
    public static string Line(string outcome, params (string Key, object? Value)[] fields)
    {
        var parts = new List<string> { "schedule:", "outcome=" + outcome };
        foreach (var (key, value) in fields)
        {
            if (value is null) continue;
            var text = value switch
            {
                DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                TimeSpan d => d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
                bool b => b ? "yes" : "no",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            parts.Add($"{key}={Quote(text)}");
        }
        return string.Join(' ', parts);
    }

    private static string Quote(string s) =>
        s.Length > 0 && !s.Any(c => char.IsWhiteSpace(c) || c is '"' or '=') ? s : "\"" + s.ReplaceLineEndings(" ").Replace("\"", "'", StringComparison.Ordinal) + "\"";
}
