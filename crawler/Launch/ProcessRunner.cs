using System.Diagnostics;
using System.Text;

namespace Catalog.Crawler.Launch;

/// <summary>Runs a short helper command (npm) with a deadline, keeping only the tail of its output.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string OutputTail, bool TimedOut);

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string? workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }

        using var process = await ProcessSpawner.StartAsync(psi);
        process.StandardInput.Close();
        var tail = new TailBuffer(4096);
        var readOut = PumpAsync(process.StandardOutput, tail);
        var readErr = PumpAsync(process.StandardError, tail);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(readOut, readErr);
            return new Result(process.ExitCode, tail.ToString(), false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            ct.ThrowIfCancellationRequested();
            return new Result(-1, tail.ToString(), true);
        }
    }

    private static async Task PumpAsync(StreamReader reader, TailBuffer tail)
    {
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0) tail.Append(buffer.AsSpan(0, n));
    }
}

/// <summary>Keeps the last N characters written to it; safe to append from several threads.</summary>
public sealed class TailBuffer(int capacity)
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public void Append(ReadOnlySpan<char> chars)
    {
        lock (_lock)
        {
            if (chars.Length >= capacity) chars = chars[^capacity..];
            _text.Append(chars);
            if (_text.Length > capacity) _text.Remove(0, _text.Length - capacity);
        }
    }

    /// <summary>The last non-empty line, trimmed: the usual one-line reason a process gives for failing.</summary>
    public string LastLine() => LastLineOf(ToString());

    public static string LastLineOf(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "" : lines[^1];
    }

    public override string ToString()
    {
        lock (_lock) return _text.ToString();
    }
}
