using System.CommandLine;
using Catalog.Cli.Stages;
using Catalog.Data;

namespace Catalog.Cli.Commands;

/// <summary><c>catalog export</c>: the recommended policy for one server (or one tool) in a gateway's format.</summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = [ClassifyStage.PolicyFormat];

    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var server = new Option<string>("--server") { Description = "Server id (see 'catalog servers')", Required = true };
        var tool = new Option<string?>("--tool") { Description = "Only this tool" };
        var format = new Option<string>("--format") { Description = "policylayer", DefaultValueFactory = _ => ClassifyStage.PolicyFormat };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout" };
        var command = new Command("export", "Export the recommended policy for a server or a tool") { db, server, tool, format, output };
        command.SetAction(parse =>
        {
            var fmt = parse.GetValue(format)!;
            if (!Formats.Contains(fmt)) throw new InputException($"unknown --format '{fmt}' (expected: {string.Join(", ", Formats)})");
            using var store = StoreFile.OpenExisting(parse.GetValue(db)!);
            var id = parse.GetValue(server)!;
            if (store.GetServer(id) is null) throw new InputException($"unknown server '{id}' (see 'catalog servers')");
            var name = parse.GetValue(tool);
            var policy = store.GetPolicy(id, name, fmt)
                ?? throw new InputException(name is null
                    ? $"server '{id}' has no classified tools yet (run 'catalog classify')"
                    : $"server '{id}' has no classified tool '{name}' (see 'catalog tools --server {id}')");
            if (parse.GetValue(output) is { } path)
            {
                var tmp = path + ".tmp";
                File.WriteAllText(tmp, policy + "\n");
                File.Move(tmp, path, overwrite: true);
                console.Error.WriteLine($"wrote {path}");
            }
            else
            {
                console.Out.WriteLine(policy);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
