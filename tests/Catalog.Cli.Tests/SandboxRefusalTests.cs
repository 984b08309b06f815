using Catalog.Data.Store;

namespace Catalog.Cli.Tests;

/// <summary>Where bubblewrap cannot confine a server, no server runs unless the user asked for --no-sandbox.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // bubblewrap is Linux only
public sealed class SandboxRefusalTests
{
    private const string Unconfined = "or pass --no-sandbox to run servers unconfined";

    private static (string Dir, string[] Args) Crawl(params string[] extra)
    {
        var dir = CliRunner.TempDir();
        var config = CliRunner.WriteMcpConfig(dir, ("one", "ok"));
        return (dir, ["crawl", "--mcp-config", config, "--db", Path.Combine(dir, "catalog.db"), "--cache", Path.Combine(dir, "cache"), .. extra]);
    }

    [Fact]
    public async Task A_missing_bwrap_stops_the_crawl_with_exit_3_and_one_line_saying_what_to_do()
    {
        var (dir, args) = Crawl();
        var missing = Path.Combine(dir, "no-such", "bwrap");

        var (code, error) = await ChildCatalog.RunAsync(new Dictionary<string, string> { ["CATALOG_BWRAP"] = missing }, args);

        Assert.Equal(3, code);
        Assert.Equal($"catalog: bubblewrap not found at {missing} (CATALOG_BWRAP): install it with 'apt-get install -y bubblewrap' and unset CATALOG_BWRAP, {Unconfined}\n", error);
        AssertNothingCrawled(dir);
    }

    [Fact]
    public async Task A_bwrap_that_cannot_create_namespaces_stops_the_crawl_with_exit_3_and_its_reason()
    {
        var (dir, args) = Crawl();
        // What bwrap prints where user namespaces are off (not root, kernel.unprivileged_userns_clone=0).
        var fake = Path.Combine(dir, "bwrap");
        File.WriteAllText(fake, "#!/bin/sh\necho 'bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces.' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        var (code, error) = await ChildCatalog.RunAsync(new Dictionary<string, string> { ["CATALOG_BWRAP"] = fake }, args);

        Assert.Equal(3, code);
        Assert.Equal("catalog: bubblewrap cannot create a sandbox here (exit 1: bwrap: No permissions to creating new namespace, likely because the kernel "
            + "does not allow non-privileged user namespaces.); it needs root or unprivileged user namespaces. Run as root, enable user namespaces "
            + $"(sysctl kernel.unprivileged_userns_clone=1), {Unconfined}\n", error);
        AssertNothingCrawled(dir);
    }

    [Fact]
    public async Task With_no_sandbox_the_servers_run_even_without_bwrap()
    {
        var (dir, args) = Crawl("--no-sandbox");

        var (code, error) = await ChildCatalog.RunAsync(new Dictionary<string, string> { ["CATALOG_BWRAP"] = Path.Combine(dir, "no-such", "bwrap") }, args);

        Assert.True(code == 0, error);
        using var store = CatalogStore.Open(Path.Combine(dir, "catalog.db"));
        Assert.Equal(["alpha_list", "beta_get"], store.GetTools().Select(t => t.Definition.Name).Order(StringComparer.Ordinal));
    }

    private static void AssertNothingCrawled(string dir)
    {
        var db = Path.Combine(dir, "catalog.db");
        if (!File.Exists(db)) return;
        using var store = CatalogStore.Open(db);
        Assert.Empty(store.GetRuns());
        Assert.Empty(store.GetTools());
    }
}
