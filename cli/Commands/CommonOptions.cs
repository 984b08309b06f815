using System.CommandLine;

namespace Catalog.Cli.Commands;

/// <summary>Options several verbs share, so each means the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Db() => new("--db") { Description = "The catalog store (SQLite file)", DefaultValueFactory = _ => "catalog.db" };

    public static Option<string> Out(string defaultDir) => new("--out") { Description = "Output folder", DefaultValueFactory = _ => defaultDir };

    public static Option<string?> Seeds() => new("--seeds") { Description = "JSON array of server.json documents (default: data/seed/servers.json)" };

    public static Option<int> Concurrency() => new("--concurrency")
    {
        Description = "Servers crawled at once",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    public static Option<bool> NoSandbox() => new("--no-sandbox") { Description = "Run servers unconfined (only where bubblewrap cannot run; they are untrusted code)" };

    public static Option<string> Cache() => new("--cache")
    {
        Description = "Package cache folder",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CATALOG_CACHE") ?? ".cache",
    };

    public static string DefaultSeeds()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "seed", "servers.json");
        return File.Exists(beside) ? beside : Path.Combine("data", "seed", "servers.json");
    }
}
