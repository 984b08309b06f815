using Catalog.Crawler.Launch;
using Catalog.Data;

namespace Catalog.Crawler.Sandbox;

/// <summary>Makes sure bubblewrap can confine a process here before any untrusted server is started.</summary>
public static class SandboxCheck
{
    public static async Task<string> RequireAsync(CancellationToken ct)
    {
        var bwrap = Bubblewrap.Locate()
            ?? throw new MissingPrerequisiteException("bubblewrap (bwrap) is not installed: run 'apt-get install -y bubblewrap', or pass --no-sandbox to run servers unconfined");
        var (file, args) = Bubblewrap.Wrap(bwrap, new SandboxOptions(), "/bin/true", [], new Dictionary<string, string>(), []);
        var result = await ProcessRunner.RunAsync(file, args, null, TimeSpan.FromSeconds(20), null, ct);
        if (result.ExitCode != 0)
        {
            throw new MissingPrerequisiteException($"bubblewrap cannot create a sandbox here (exit {result.ExitCode}{(result.TimedOut ? ", timed out" : "")}: {TailBuffer.LastLineOf(result.OutputTail)}); "
                + "it needs root or unprivileged user namespaces. Pass --no-sandbox to run servers unconfined");
        }
        return bwrap;
    }
}
