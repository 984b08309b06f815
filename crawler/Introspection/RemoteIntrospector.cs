using System.Diagnostics;
using System.Net;
using Catalog.Crawler.Launch;
using Catalog.Data.Model;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Catalog.Crawler.Introspection;

/// <summary>
/// Speaks MCP to a remote server over Streamable HTTP or SSE with the official C# SDK (initialize, then tools/list
/// following nextCursor), under the same limits as a local server: bytes read, tools, pages, time. A server that
/// wants a signed-in client is a <see cref="AttemptStatus.NeedsAuth"/> attempt; every other way it can fail is a
/// failed attempt with a one-line reason. Header values are sent, and kept out of every reason.
/// </summary>
public sealed class RemoteIntrospector(IntrospectionLimits limits)
{
    public async Task<IntrospectionResult> IntrospectAsync(RemoteLaunch remote, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (remote.Url is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
            return Fail($"refused: remote URL must be http or https, not '{Clip(remote.Url.ToString(), 80)}'", clock);

        using var total = CancellationTokenSource.CreateLinkedTokenSource(ct);
        total.CancelAfter(limits.TotalTimeout);
        var watch = new ResponseWatch(NetworkGuard.Handler(remote.AllowPrivateNetwork, limits.StartTimeout), limits.MaxStdoutBytes);
        using var http = new HttpClient(watch, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        var phase = "initialize";
        try
        {
            var transport = new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = url,
                TransportMode = remote.Transport switch
                {
                    RemoteTransport.Sse => HttpTransportMode.Sse,
                    RemoteTransport.StreamableHttp => HttpTransportMode.StreamableHttp,
                    _ => HttpTransportMode.AutoDetect,
                },
                AdditionalHeaders = remote.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase),
                ConnectionTimeout = limits.StartTimeout,
                // Only tools/list is asked; unsolicited server messages are of no use and hold a connection open.
                EnableStandaloneGetStream = false,
                MaxReconnectionAttempts = 0,
                Name = "catalog",
            }, http, loggerFactory: null, ownsHttpClient: false);
            return await ToolPaging.ConnectAndListAsync(transport, limits, clock, () => phase = "tools/list", total.Token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ct.ThrowIfCancellationRequested();
            if (watch.AuthStatus is { } status)
            {
                var challenge = watch.Challenge is { } c ? $" ({Clip(Redact(c, remote), 200)})" : "";
                return new IntrospectionResult(AttemptStatus.NeedsAuth, $"needs auth: HTTP {(int)status} {status}{challenge}", [], null, null,
                    Provenance.Live, clock.ElapsedMilliseconds);
            }
            return Fail(Redact(Reason(ex, phase, watch, total.IsCancellationRequested), remote), clock);
        }
    }

    private string Reason(Exception ex, string phase, ResponseWatch watch, bool totalExpired)
    {
        if (watch.Exceeded) return $"server sent over {limits.MaxStdoutBytes / (1024 * 1024)} MiB during {phase}";
        if (Find<RefusedAddressException>(ex) is { } refused) return refused.Message;
        if (totalExpired) return $"no complete answer within {limits.TotalTimeout.TotalSeconds:0}s (during {phase})";
        if (ex is OperationCanceledException or TimeoutException || Find<TimeoutException>(ex) is not null)
            return $"no answer to {phase} within {(phase == "initialize" ? limits.StartTimeout : limits.RequestTimeout).TotalSeconds:0}s";
        if (Find<HttpRequestException>(ex) is { } http)
            return http.StatusCode is { } code
                ? $"HTTP {(int)code} {code} during {phase}"
                : $"{phase} failed: {Clip(Innermost(http).Message, 300)}";
        if (ex is McpProtocolException) return $"server answered {phase} with an error: {Clip(ex.Message, 300)}";
        // Any other SDK error means what came back was not MCP (an HTML page, broken JSON, an empty stream).
        if (ex is McpException) return $"no MCP answer to {phase}: {Clip(ex.Message, 300)}";
        return $"{phase} failed: {Clip(ex.Message, 300)}";
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found) return found;
        }
        return null;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    /// <summary>Header values can be real credentials (a user's config); no reason may echo one back.</summary>
    private static string Redact(string text, RemoteLaunch remote)
    {
        foreach (var value in remote.Headers.Values.Where(v => v.Length >= 4))
            text = text.Replace(value, "[redacted]", StringComparison.Ordinal);
        return text;
    }

    private static string Clip(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length > max ? s[..max] + "…" : s;
    }

    private static IntrospectionResult Fail(string reason, Stopwatch clock) =>
        new(AttemptStatus.Failed, reason, [], null, null, Provenance.Live, clock.ElapsedMilliseconds);
}
