using System.CommandLine;
using Catalog.Classifier.Export;
using Catalog.Crawler.Sources;
using Catalog.Data;
using Catalog.Data.Model;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

/// <summary>
/// <c>catalog export</c>: the recommended policy for a tool, one or several servers, the whole catalog or the servers
/// of a client config, in a gateway's or client's format, under a profile and the user's overrides. Fallbacks the
/// format forced are printed to stderr as notes.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var server = new Option<string[]>("--server") { Description = "Server id (see 'catalog servers'); repeat for several" };
        var tool = new Option<string?>("--tool") { Description = "Only this tool (with one --server)" };
        var all = new Option<bool>("--all") { Description = "Every server in the catalog" };
        var mcpConfig = new Option<string?>("--mcp-config") { Description = "The servers of this mcpServers config that the catalog holds, with combination rules" };
        var format = new Option<string>("--format") { Description = string.Join("|", PolicyExporters.Formats), DefaultValueFactory = _ => "policylayer" };
        var profile = new Option<string>("--profile") { Description = "strict|balanced|permissive", DefaultValueFactory = _ => "balanced" };
        var overrides = new Option<string?>("--overrides") { Description = "JSON or YAML file: per-tool and per-tag actions, constraint values" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout" };
        var command = new Command("export", "Export the recommended policy in a gateway's or client's format")
        {
            db, server, tool, all, mcpConfig, format, profile, overrides, output,
        };
        command.SetAction(parse =>
        {
            var exporter = PolicyExporters.Get(parse.GetValue(format)!);
            var planner = new PolicyPlanner(PolicyProfile.Parse(parse.GetValue(profile)!),
                parse.GetValue(overrides) is { } o ? OverridesReader.ReadFile(o) : null);
            using var store = StoreFile.OpenExisting(parse.GetValue(db)!);
            var (scope, asStack) = Scope(store, parse.GetValue(server) ?? [], parse.GetValue(all), parse.GetValue(mcpConfig));
            var servers = scope.Select(s => Load(store, s.Id, s.Alias, parse.GetValue(tool))).ToList();
            var result = exporter.Export(StackPlanner.Plan(planner, servers, asStack));
            foreach (var note in result.Notes) console.Error.WriteLine("note: " + note);
            if (parse.GetValue(output) is { } path)
            {
                var tmp = path + ".tmp";
                File.WriteAllText(tmp, result.Content);
                File.Move(tmp, path, overwrite: true);
                console.Error.WriteLine($"wrote {path}");
            }
            else
            {
                console.Out.Write(result.Content);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (List<(string Id, string Alias)> Servers, bool AsStack) Scope(CatalogStore store, string[] ids, bool all, string? config)
    {
        var chosen = (ids.Length > 0 ? 1 : 0) + (all ? 1 : 0) + (config is null ? 0 : 1);
        if (chosen != 1) throw new InputException("export needs exactly one of --server ID, --all or --mcp-config FILE");
        if (all) return (store.GetServers().Select(s => (s.Id, ServerTools.AliasFor(s.Id))).ToList(), false);
        if (config is not null)
        {
            if (!File.Exists(config)) throw new InputException($"{config}: file not found");
            var known = McpConfigSource.Read(config).Records.Where(r => store.GetServer(r.Server.Id) is not null)
                .Select(r => (r.Server.Id, r.Server.Name)).DistinctBy(r => r.Id).ToList();
            if (known.Count == 0) throw new InputException($"{config}: none of its servers is in the catalog (run 'catalog crawl --mcp-config {config}')");
            return (known, true);
        }
        foreach (var id in ids)
        {
            if (store.GetServer(id) is null) throw new InputException($"unknown server '{id}' (see 'catalog servers')");
        }
        return (ids.Distinct().Select(id => (id, ServerTools.AliasFor(id))).ToList(), ids.Length > 1);
    }

    private static ServerTools Load(CatalogStore store, string id, string alias, string? toolName)
    {
        var tools = store.GetTools(id).Where(t => toolName is null || t.Definition.Name == toolName).ToList();
        if (toolName is not null && tools.Count == 0) throw new InputException($"server '{id}' has no tool '{toolName}' (see 'catalog tools --server {id}')");
        if (tools.FirstOrDefault(t => t.Classification is null) is { } missing)
            throw new InputException($"tool '{missing.Definition.Name}' of '{id}' is not classified yet (run 'catalog classify')");
        var package = store.GetServer(id)!.Packages.FirstOrDefault(p => p.RegistryType == "npm" && p.Version is not null);
        return new ServerTools(id, alias, package is null ? null : $"{package.Identifier}@{package.Version}",
            tools.Select(t => (t.Definition, t.Classification!)).ToList());
    }
}
