using Catalog.Data;
using Quartz;

namespace Catalog.Cli.Schedule;

/// <summary>
/// Reads <c>--cron</c>: five fields are crontab (<c>0 3 * * *</c>, day of week 0-7 with 0 and 7 Sunday), six or seven
/// are Quartz with seconds (<c>0 0 3 * * ?</c>), and <c>@daily</c>-style macros are accepted. Times are UTC.
/// </summary>
internal static class CronText
{
    public static CronExpression Parse(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var format = fields == 5 ? CronFormat.Unix : CronFormat.Quartz;
        try
        {
            var expression = CronExpression.Parse(text.Trim(), format);
            return expression.WithTimeZone(TimeZoneInfo.Utc);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InputException($"--cron '{text}' is not a cron expression: {ex.Message.ReplaceLineEndings(" ")} "
                + "(five fields like '0 3 * * *', or Quartz's six with seconds like '0 0 3 * * ?')", ex);
        }
    }
}
