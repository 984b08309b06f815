using System.CommandLine;
using Catalog.Cli.Stages;
using Catalog.Data;
using Catalog.Site.Preview;

namespace Catalog.Cli.Commands;

/// <summary>
/// <c>catalog serve</c>: generates the site, serves it on 127.0.0.1 for preview, and regenerates it (incrementally)
/// whenever the store file changes. Never listens on another interface.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var output = CommonOptions.Out("site-out");
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1", DefaultValueFactory = _ => 8080 };
        var full = new Option<bool>("--full") { Description = "Render every page on the first build, ignoring recorded page hashes" };
        var command = new Command("serve", "Generate the site and serve it on 127.0.0.1 for preview, rebuilding when the store changes") { db, output, port, full };
        command.SetAction(async (parse, ct) =>
        {
            var dbPath = parse.GetValue(db)!;
            var outDir = parse.GetValue(output)!;
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535) throw new InputException($"--port {portValue}: not a port number");
            Build(console, dbPath, outDir, parse.GetValue(full));
            PreviewServer server;
            try
            {
                server = new PreviewServer(outDir, portValue);
            }
            catch (System.Net.HttpListenerException ex)
            {
                throw new InputException($"cannot listen on 127.0.0.1:{portValue}: {ex.Message} (is the port in use? try --port)");
            }
            using (server)
            {
                console.Error.WriteLine($"serve: {server.Url} (Ctrl+C to stop); watching {Path.GetFullPath(dbPath)}");
                var seen = Stamp(dbPath);
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                    var now = Stamp(dbPath);
                    if (now == seen) continue;
                    await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None); // let a writer finish its transaction
                    try
                    {
                        Build(console, dbPath, outDir, false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        console.Error.WriteLine($"serve: rebuild failed, the previous site is still served: {ex.Message}");
                    }
                    seen = Stamp(dbPath);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Build(CliConsole console, string dbPath, string outDir, bool full)
    {
        using var store = StoreFile.OpenExisting(dbPath);
        if (full) new Catalog.Site.SiteGenerator(store).Generate(outDir, full: true);
        else SiteStage.Run(console, store, outDir);
    }

    /// <summary>Size and write time of the store and its WAL: any committed write changes one of them.</summary>
    private static string Stamp(string dbPath)
    {
        static string Of(string f) => File.Exists(f) ? $"{new FileInfo(f).Length}:{File.GetLastWriteTimeUtc(f).Ticks}" : "-";
        return Of(dbPath) + "|" + Of(dbPath + "-wal");
    }
}
