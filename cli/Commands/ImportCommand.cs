using System.CommandLine;
using System.Text.Json;
using Catalog.Data.Io;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

/// <summary>
/// <c>catalog import FILE.jsonl</c>: loads tool definitions into the store with provenance <c>import</c>, as one
/// crawl run whose tool list per server is the file's lines for that server.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "Tools, one JSON per line: server, name, title, description, inputSchema, annotations" };
        var db = CommonOptions.Db();
        var command = new Command("import", "Load tool definitions from a JSONL file into the store") { file, db };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var lines = ToolLines.ReadFile(path); // every line is checked before the store is touched
            using var store = CatalogStore.Open(parse.GetValue(db)!);
            var run = store.StartOrResumeRun($"import:{Path.GetFullPath(path)}:{DateTimeOffset.UtcNow:O}");
            var groups = lines.GroupBy(l => l.Server, StringComparer.Ordinal).ToList();
            foreach (var group in groups)
            {
                var id = group.Key;
                if (store.GetServer(id) is null)
                {
                    var doc = JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = id }, CatalogJson.Default.DictionaryStringString);
                    store.UpsertServer(new Server(id, id, null, null, null, null, null, [], "import", doc));
                }
                var tools = group.Select(l => l.Tool).ToList();
                store.RecordAttempt(new CrawlAttempt(run.Id, id, AttemptStatus.Ok, null, 0, tools.Count, Provenance.Import, DateTimeOffset.UtcNow), tools);
            }
            store.FinishRun(run.Id);
            console.Error.WriteLine($"imported {lines.Count} tools of {groups.Count} servers from {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
