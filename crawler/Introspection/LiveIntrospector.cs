using System.Diagnostics;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Streams;
using Catalog.Data.Model;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Catalog.Crawler.Introspection;

/// <summary>
/// Starts a server process, speaks MCP to it over stdio with the official C# SDK (initialize, then tools/list
/// following nextCursor), and always kills the process tree afterwards. Every way a server can fail becomes an
/// <see cref="IntrospectionResult"/> with a one-line reason; nothing here throws for a misbehaving server.
/// </summary>
public sealed class LiveIntrospector(IntrospectionLimits limits)
{
    public async Task<IntrospectionResult> IntrospectAsync(string file, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // The child gets none of the crawler's environment (tokens, cloud credentials): only what is passed here.
        psi.Environment.Clear();
        foreach (var (k, v) in environment) psi.Environment[k] = v;

        Process process;
        try
        {
            process = await ProcessSpawner.StartAsync(psi);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Fail($"could not start '{file}': {ex.Message}", clock);
        }

        var stderr = new TailBuffer(8192);
        var pumpErr = PumpAsync(process.StandardError, stderr);
        var stdout = new CappedStream(process.StandardOutput.BaseStream, limits.MaxStdoutBytes, max => new IOException($"server wrote more than {max} bytes to stdout"));
        using var total = CancellationTokenSource.CreateLinkedTokenSource(ct);
        total.CancelAfter(limits.TotalTimeout);
        var phase = "initialize";
        try
        {
            var transport = new StreamClientTransport(process.StandardInput.BaseStream, new JsonLineFilter(stdout, limits.MaxSchemaDepth + 8));
            return await ToolPaging.ConnectAndListAsync(transport, limits, clock, () => phase = "tools/list", total.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ct.ThrowIfCancellationRequested();
            return Fail(Reason(ex, phase, stdout, process, stderr, total.IsCancellationRequested), clock);
        }
        finally
        {
            Kill(process);
            await Task.WhenAny(pumpErr, Task.Delay(2000, CancellationToken.None));
            process.Dispose();
        }
    }

    private string Reason(Exception ex, string phase, CappedStream stdout, Process process, TailBuffer stderr, bool totalExpired)
    {
        if (stdout.Exceeded) return $"server flooded stdout (over {limits.MaxStdoutBytes / (1024 * 1024)} MiB) during {phase}";
        if (totalExpired) return $"no complete answer within {limits.TotalTimeout.TotalSeconds:0}s (during {phase})";
        if (ex is OperationCanceledException or TimeoutException)
            return $"no answer to {phase} within {(phase == "initialize" ? limits.StartTimeout : limits.RequestTimeout).TotalSeconds:0}s";
        var exited = process.WaitForExit(500);
        var detail = stderr.LastLine();
        if (exited) return $"server exited with code {process.ExitCode} during {phase}" + (detail.Length > 0 ? $": {Clip(detail)}" : "");
        if (ex is McpException) return $"server answered {phase} with an error: {Clip(ex.Message)}";
        return $"{phase} failed: {Clip(ex.Message)}" + (detail.Length > 0 ? $" (stderr: {Clip(detail)})" : "");
    }

    private static string Clip(string s)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length > 300 ? s[..300] + "…" : s;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static async Task PumpAsync(StreamReader reader, TailBuffer tail)
    {
        var buffer = new char[4096];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0) tail.Append(buffer.AsSpan(0, n));
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The process went away; what was read is kept.
        }
    }

    private static IntrospectionResult Fail(string reason, Stopwatch clock) =>
        new(AttemptStatus.Failed, reason, [], null, null, Provenance.Live, clock.ElapsedMilliseconds);
}
