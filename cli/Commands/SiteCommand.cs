using System.CommandLine;
using Catalog.Cli.Stages;
using Catalog.Data.Store;

namespace Catalog.Cli.Commands;

internal static class SiteCommand
{
    public static Command Create(CliConsole console)
    {
        var db = CommonOptions.Db();
        var output = CommonOptions.Out("site-out");
        var full = new Option<bool>("--full") { Description = "Render every page again, ignoring the stored page hashes" };
        var command = new Command("site", "Generate the static site from the store") { db, output, full };
        command.SetAction(parse =>
        {
            using var store = StoreFile.OpenExisting(parse.GetValue(db)!);
            SiteStage.Run(console, store, parse.GetValue(output)!, parse.GetValue(full));
            return ExitCodes.Ok;
        });
        return command;
    }
}
