using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Catalog.Data;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

/// <summary><c>catalog changes</c>: the event history (added, removed, definition-changed with a field diff, rug-pull, …).</summary>
internal static class ChangesCommand
{
    public static Command Create(CliConsole console)
    {
        var since = new Option<string?>("--since") { Description = "Only events at or after this date (YYYY-MM-DD or ISO 8601)" };
        var format = new Option<string>("--format") { Description = "table, jsonl or atom", DefaultValueFactory = _ => "table" };
        var db = CommonOptions.Db();
        var command = new Command("changes", "List what changed between crawls") { since, format, db };
        command.SetAction(parse =>
        {
            var from = parse.GetValue(since) is { } s
                ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : throw new InputException($"--since: '{s}' is not a date")
                : (DateTimeOffset?)null;
            var fmt = parse.GetValue(format)!;
            if (fmt is not ("table" or "jsonl" or "atom")) throw new InputException($"--format must be table, jsonl or atom, not '{fmt}'");
            using var store = StoreFile.OpenExisting(parse.GetValue(db)!);
            var events = store.GetEvents(from);
            switch (fmt)
            {
                case "jsonl": foreach (var e in events) console.Out.WriteLine(Jsonl(e)); break;
                case "atom": console.Out.Write(Atom(events)); break;
                default:
                    foreach (var e in events)
                        console.Out.WriteLine($"{e.At.UtcDateTime:yyyy-MM-dd HH:mm}  {e.Kind,-18}  {e.ServerId}{(e.ToolName is null ? "" : " / " + e.ToolName)}{(e.Detail is null ? "" : "  " + OneLine(e.Detail))}");
                    console.Error.WriteLine($"{events.Count} events");
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string OneLine(string s)
    {
        var line = s.ReplaceLineEndings(" ");
        return line.Length <= 160 ? line : line[..160] + "…";
    }

    private static string Jsonl(ChangeEvent e)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("id", e.Id);
            w.WriteNumber("run", e.RunId);
            w.WriteString("at", e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("kind", e.Kind);
            w.WriteString("server", e.ServerId);
            if (e.ToolName is not null) w.WriteString("tool", e.ToolName);
            if (e.Detail is not null)
            {
                w.WritePropertyName("detail");
                if (e.Detail.StartsWith('{')) { try { using var d = JsonDocument.Parse(e.Detail); d.RootElement.WriteTo(w); } catch (JsonException) { w.WriteStringValue(e.Detail); } }
                else w.WriteStringValue(e.Detail);
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Atom(IReadOnlyList<ChangeEvent> events)
    {
        static string X(string s) => WebUtility.HtmlEncode(s);
        var updated = (events.Count == 0 ? DateTimeOffset.UnixEpoch : events[^1].At).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var sb = new System.Text.StringBuilder();
        sb.Append($"""<?xml version="1.0" encoding="utf-8"?>{"\n"}<feed xmlns="http://www.w3.org/2005/Atom">{"\n"}  <title>MCP tool catalog changes</title>{"\n"}  <id>urn:mcp-risk-catalog:changes</id>{"\n"}  <updated>{updated}</updated>{"\n"}""");
        foreach (var e in events.Reverse())
        {
            var at = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var title = $"{e.Kind}: {e.ServerId}{(e.ToolName is null ? "" : " / " + e.ToolName)}";
            sb.Append($"  <entry>\n    <id>urn:mcp-risk-catalog:event:{e.Id}</id>\n    <title>{X(title)}</title>\n    <updated>{at}</updated>\n    <content type=\"text\">{X(e.Detail ?? "")}</content>\n  </entry>\n");
        }
        sb.Append("</feed>\n");
        return sb.ToString();
    }
}
