using System.Diagnostics;

namespace Catalog.Cli.Tests;

/// <summary>
/// The catalog command as a real child process with a chosen environment: to kill it with SIGKILL at a chosen
/// moment, or to run it where the machine is made to lack something.
/// </summary>
internal sealed class ChildCatalog : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr = new();

    private ChildCatalog(Process process) => _process = process;

    public static ChildCatalog Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "catalog.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var child = new ChildCatalog(Process.Start(psi)!);
        child._process.OutputDataReceived += (_, _) => { };
        child._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._stderr) child._stderr.Append(e.Data).Append('\n');
        };
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end (at most five minutes) and gives the exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var child = Start(environment, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await child._process.WaitForExitAsync(timeout.Token);
        return (child._process.ExitCode, child.Error);
    }

    public bool HasExited => _process.HasExited;

    public string Error
    {
        get
        {
            _process.WaitForExit(); // drains the redirected streams once the process has exited
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>
    /// SIGKILL to the command alone, as <c>kill -9 PID</c> does: no handler, no flush, no cleanup. Its sandboxed servers
    /// die with it (bubblewrap's --die-with-parent), which is part of what is tested.
    /// </summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited just before.
        }
        await _process.WaitForExitAsync();
    }

    public void Dispose() => _process.Dispose();
}
