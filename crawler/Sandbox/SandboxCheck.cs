using Catalog.Crawler.Launch;
using Catalog.Data;

namespace Catalog.Crawler.Sandbox;

/// <summary>
/// Makes sure bubblewrap can confine a process here before any untrusted server is started; where it cannot, the
/// crawl stops with a message saying why and what to do (exit code 3 from the CLI), and nothing is run unconfined
/// unless the user passed <c>--no-sandbox</c>.
/// </summary>
public static class SandboxCheck
{
    private const string Unconfined = "or pass --no-sandbox to run servers unconfined";

    public static async Task<string> RequireAsync(SandboxOptions options, CancellationToken ct)
    {
        var bwrap = Bubblewrap.Locate(options) ?? throw new MissingPrerequisiteException(options.BwrapPath is { } path
            ? $"bubblewrap not found at {path} (CATALOG_BWRAP): install it with 'apt-get install -y bubblewrap' and unset CATALOG_BWRAP, {Unconfined}"
            : $"bubblewrap (bwrap) is not installed: run 'apt-get install -y bubblewrap', {Unconfined}");
        if (Bubblewrap.FindOnPath("prlimit") is null)
            throw new MissingPrerequisiteException($"prlimit is not installed (it sets the sandbox's CPU, memory and file limits): run 'apt-get install -y util-linux', {Unconfined}");
        var (file, args) = Bubblewrap.Wrap(bwrap, options, "/bin/true", [], new Dictionary<string, string>(), []);
        var result = await ProcessRunner.RunAsync(file, args, null, TimeSpan.FromSeconds(20), null, ct);
        if (result.ExitCode != 0)
        {
            throw new MissingPrerequisiteException($"bubblewrap cannot create a sandbox here (exit {result.ExitCode}{(result.TimedOut ? ", timed out" : "")}: {TailBuffer.LastLineOf(result.OutputTail)}); "
                + $"it needs root or unprivileged user namespaces. Run as root, enable user namespaces (sysctl kernel.unprivileged_userns_clone=1), {Unconfined}");
        }
        return bwrap;
    }
}
