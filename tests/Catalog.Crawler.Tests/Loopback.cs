using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Catalog.Crawler.Tests;

/// <summary>An HTTP server on 127.0.0.1 that answers with a test's handler; records every request it sees.</summary>
internal sealed class Loopback : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handler;
    private readonly Task _loop;

    public Loopback(Func<HttpListenerContext, Task> handler)
    {
        _handler = handler;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>Path and query of every request, in order, as received (the query still encoded).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public int Count(Func<string, bool> match) => Requests.Count(match);

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            Requests.Enqueue(ctx.Request.RawUrl ?? "");
            _ = Task.Run(async () =>
            {
                try { await _handler(ctx); }
                catch (Exception) { try { ctx.Response.Abort(); } catch (Exception) { } }
            });
        }
    }

    public static async Task Send(HttpListenerContext ctx, int status, string body, params (string Name, string Value)[] headers) =>
        await Send(ctx, status, Encoding.UTF8.GetBytes(body), headers);

    public static async Task Send(HttpListenerContext ctx, int status, byte[] body, params (string Name, string Value)[] headers)
    {
        ctx.Response.StatusCode = status;
        foreach (var (n, v) in headers) ctx.Response.Headers[n] = v;
        if (status == 304) { ctx.Response.Close(); return; }
        ctx.Response.ContentLength64 = body.Length;
        await ctx.Response.OutputStream.WriteAsync(body);
        ctx.Response.Close();
    }

    /// <summary>Promises <paramref name="body"/>'s length but sends half, then drops the connection.</summary>
    public static async Task Truncated(HttpListenerContext ctx, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentLength64 = bytes.Length;
        await ctx.Response.OutputStream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await ctx.Response.OutputStream.FlushAsync();
        ctx.Response.Abort();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
