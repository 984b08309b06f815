using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Catalog.Crawler.Launch;

namespace Catalog.Crawler.Tests;

/// <summary>
/// The real npm <c>@modelcontextprotocol/server-everything</c> serving Streamable HTTP or SSE on a free port (it reads
/// <c>PORT</c>); the tests reach it on 127.0.0.1. Killed with its process tree on dispose.
/// </summary>
internal sealed class EverythingServer : IDisposable
{
    private readonly Process _process;

    private EverythingServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static string Bin()
    {
        Assert.True(Directory.Exists(Path.Combine(TestPaths.NpmFixtures, "node_modules")), "run ./test.sh (npm ci in tests/fixtures/npm) first");
        var (bin, error) = NpmInstaller.FindBin(TestPaths.NpmFixtures, "@modelcontextprotocol/server-everything");
        Assert.True(bin is not null, error);
        return bin!;
    }

    /// <param name="mode"><c>streamableHttp</c> or <c>sse</c>.</param>
    public static async Task<EverythingServer> StartAsync(string mode)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Bin());
        psi.ArgumentList.Add(mode);
        psi.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new EverythingServer(process, port);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited) break;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }
        server.Dispose();
        throw new InvalidOperationException($"server-everything ({mode}) did not listen on port {port}");
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
        _process.Dispose();
    }
}
