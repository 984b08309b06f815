using System.Diagnostics;

namespace Catalog.Cli.Tests;

/// <summary>Runs the catalog command in-process (fast, output captured) or as a real child process (to kill it).</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts <c>dotnet catalog.dll ARGS</c> as a separate process.</summary>
    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "catalog.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string MiniServer => Path.Combine(AppContext.BaseDirectory, "servers", "mini-server.js");

    public static string TempDir() => Directory.CreateTempSubdirectory("catalog-cli-test-").FullName;

    /// <summary>An mcpServers config that starts the scripted test server in the given modes.</summary>
    public static string WriteMcpConfig(string dir, params (string Key, string Mode)[] servers)
    {
        var entries = servers.Select(s => $"\"{s.Key}\": {{ \"command\": \"node\", \"args\": [\"{MiniServer}\", \"{s.Mode}\"] }}");
        var path = Path.Combine(dir, "mcp.json");
        File.WriteAllText(path, "{ \"mcpServers\": { " + string.Join(", ", entries) + " } }");
        return path;
    }
}
