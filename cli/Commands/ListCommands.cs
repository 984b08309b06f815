using System.CommandLine;
using System.Text;
using System.Text.Json;
using Catalog.Data;
using Catalog.Data.Io;
using Spectre.Console;

namespace Catalog.Cli.Commands;

/// <summary><c>catalog tools</c> and <c>catalog servers</c>: what the store holds, as a table or JSON lines.</summary>
internal static class ListCommands
{
    public static Command Tools(CliConsole console)
    {
        var db = CommonOptions.Db();
        var server = new Option<string?>("--server") { Description = "Only this server's tools" };
        var format = Format();
        var command = new Command("tools", "List the current tools with their classification") { db, server, format };
        command.SetAction(parse =>
        {
            using var store = StoreFile.OpenExisting(parse.GetValue(db)!);
            var id = parse.GetValue(server);
            if (id is not null && store.GetServer(id) is null) throw new InputException($"unknown server '{id}' (see 'catalog servers')");
            var tools = store.GetTools(id);
            if (Check(parse.GetValue(format)!) == "jsonl")
            {
                foreach (var t in tools)
                {
                    console.Out.WriteLine(Line(w =>
                    {
                        w.WriteString("server", t.ServerId);
                        w.WriteString("name", t.Definition.Name);
                        if (t.Definition.Title is { } title) w.WriteString("title", title);
                        w.WriteString("provenance", t.Provenance.ToString().ToLowerInvariant());
                        w.WriteString("hash", t.Hash);
                        if (t.Classification is { } c) ClassificationJson.WriteFields(w, c);
                    }));
                }
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("server", "tool", "category", "risk", "tags", "conf.");
            foreach (var t in tools)
            {
                var c = t.Classification;
                table.AddRow(Markup.Escape(t.ServerId), Markup.Escape(t.Definition.Name), c?.Category.ToString() ?? "-",
                    c?.Risk.ToString() ?? "-", Markup.Escape(string.Join(", ", c?.Tags ?? [])), c is null ? "-" : $"{c.Confidence:0.00}");
            }
            Render(console, table);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Servers(CliConsole console)
    {
        var db = CommonOptions.Db();
        var format = Format();
        var command = new Command("servers", "List servers with their last crawl attempt") { db, format };
        command.SetAction(parse =>
        {
            using var store = StoreFile.OpenExisting(parse.GetValue(db)!);
            var attempts = store.LatestAttempts();
            var counts = store.GetTools().GroupBy(t => t.ServerId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var jsonl = Check(parse.GetValue(format)!) == "jsonl";
            var table = new Table().AddColumns("server", "source", "tools", "last status", "error");
            foreach (var s in store.GetServers())
            {
                attempts.TryGetValue(s.Id, out var a);
                var tools = counts.GetValueOrDefault(s.Id);
                if (jsonl)
                {
                    console.Out.WriteLine(Line(w =>
                    {
                        w.WriteString("id", s.Id);
                        w.WriteString("name", s.Name);
                        if (s.Title is { } title) w.WriteString("title", title);
                        if (s.Version is { } version) w.WriteString("version", version);
                        w.WriteString("source", s.Source);
                        w.WriteNumber("tools", tools);
                        if (a is not null)
                        {
                            w.WriteString("status", a.Status.ToString().ToLowerInvariant());
                            if (a.Error is { } error) w.WriteString("error", error);
                            w.WriteNumber("durationMs", a.DurationMs);
                            w.WriteString("at", a.At.ToString("O"));
                        }
                    }));
                }
                else
                {
                    table.AddRow(Markup.Escape(s.Id), s.Source, tools.ToString(), a?.Status.ToString() ?? "never", Markup.Escape(a?.Error ?? ""));
                }
            }
            if (!jsonl) Render(console, table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> Format() => new("--format") { Description = "table or jsonl", DefaultValueFactory = _ => "table" };

    private static string Check(string format) =>
        format is "table" or "jsonl" ? format : throw new InputException($"unknown --format '{format}' (expected: table, jsonl)");

    private static string Line(Action<Utf8JsonWriter> fields)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            fields(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Render(CliConsole console, Table table)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = console.IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!console.IsInteractive) ansi.Profile.Width = 200;
        ansi.Write(table);
    }
}
