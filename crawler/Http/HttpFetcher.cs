using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Catalog.Data.Store;
using Polly;
using Polly.Retry;

namespace Catalog.Crawler.Http;

/// <summary>Limits and backoff for one HTTP source; tests shrink the delays.</summary>
public sealed record HttpFetchOptions
{
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>No single wait (retry-after, rate-limit reset, secondary-limit pause) is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>The pause after a secondary rate limit that gave no retry-after (GitHub says at least a minute).</summary>
    public TimeSpan SecondaryLimitDelay { get; init; } = TimeSpan.FromSeconds(60);
    public long MaxBodyBytes { get; init; } = 32L * 1024 * 1024;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>A response: status, body (replayed from the store on 304), and the headers a caller pages with.</summary>
public sealed record Fetched(HttpStatusCode Status, byte[] Body, bool NotModified, string? Link, string? Error)
{
    public bool Ok => Error is null && (int)Status is >= 200 and < 300 || NotModified;
}

/// <summary>
/// GETs with conditional requests (stored ETag / Last-Modified, body replayed on 304), a capped body, and Polly
/// retries for what is worth retrying: 5xx, 429, rate-limited 403s, truncated bodies. It waits for
/// <c>retry-after</c>, else for <c>x-ratelimit-reset</c> when the quota is spent, else backs off exponentially.
/// A plain 403/404 is an answer, not retried. Failures come back as values.
/// </summary>
public sealed class HttpFetcher
{
    private readonly HttpClient _http;
    private readonly HttpFetchOptions _options;
    private readonly CatalogStore? _cache;
    private readonly ResiliencePipeline<Attempt> _pipeline;
    private readonly TimeProvider _clock;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private int _requests, _notModified;

    public HttpFetcher(HttpClient http, HttpFetchOptions? options = null, CatalogStore? cache = null, TimeProvider? clock = null)
    {
        _http = http;
        _options = options ?? new HttpFetchOptions();
        _cache = cache;
        _clock = clock ?? TimeProvider.System;
        _pipeline = new ResiliencePipelineBuilder<Attempt>()
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = Math.Max(0, _options.MaxAttempts - 1),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Transient == true),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Cap(args.Outcome.Result?.Wait
                    ?? TimeSpan.FromMilliseconds(_options.BaseDelay.TotalMilliseconds * Math.Pow(2, args.AttemptNumber)))),
            })
            .Build();
    }

    /// <summary>Requests sent (retries included) and how many of them were answered 304.</summary>
    public (int Requests, int NotModified) Counters => (_requests, _notModified);

    /// <summary>Headers added to every request (User-Agent, Accept, Authorization, API version).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Fetched> GetAsync(Uri url, bool conditional = true, CancellationToken ct = default)
    {
        var key = url.AbsoluteUri;
        var cached = conditional ? _cache?.GetHttpCache(key) : null;
        Attempt result;
        try
        {
            result = await _pipeline.ExecuteAsync(async token => await OnceAsync(url, cached, token), ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Fetched(0, [], false, null, $"timed out after {_options.RequestTimeout.TotalSeconds:0}s");
        }
        var f = result.Result;
        if (result.Transient) return f with { Error = $"gave up after {_options.MaxAttempts} attempts: {f.Error ?? $"HTTP {(int)f.Status}"}" };
        if (f.Ok && !f.NotModified && conditional && _cache is not null && (result.ETag is not null || result.LastModified is not null))
        {
            _cache.SaveHttpCache(key, result.ETag, result.LastModified, f.Body);
        }
        return f;
    }

    /// <summary>One try; <paramref name="Wait"/> is what the server asked for (null: exponential backoff).</summary>
    private sealed record Attempt(Fetched Result, bool Transient, TimeSpan? Wait = null, string? ETag = null, string? LastModified = null);

    private async Task<Attempt> OnceAsync(Uri url, Data.Model.HttpCacheEntry? cached, CancellationToken ct)
    {
        var wait = _notBefore - _clock.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(Cap(wait), _clock, ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (k, v) in Headers) request.Headers.TryAddWithoutValidation(k, v);
        if (cached?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        else if (cached?.LastModified is { } lm) request.Headers.TryAddWithoutValidation("If-Modified-Since", lm);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            return new Attempt(new Fetched(0, [], false, null, $"request failed: {ex.Message}"), true);
        }
        using (response)
        {
            NoteQuota(response.Headers);
            var link = Header(response.Headers, "link");
            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                Interlocked.Increment(ref _notModified);
                return new Attempt(new Fetched(HttpStatusCode.NotModified, cached.Body, true, link, null), false);
            }
            byte[] body;
            try
            {
                body = await ReadCappedAsync(response, timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                return new Attempt(new Fetched(response.StatusCode, [], false, link, $"truncated body: {ex.Message}"), true);
            }
            catch (InvalidDataException ex)
            {
                return new Attempt(new Fetched(response.StatusCode, [], false, link, ex.Message), false);
            }
            var status = (int)response.StatusCode;
            var fetched = new Fetched(response.StatusCode, body, false, link, status is >= 200 and < 300 ? null : $"HTTP {status}");
            var (transient, retryWait) = RetryDelay(response, body);
            return new Attempt(fetched, transient, retryWait, response.Headers.ETag?.ToString(),
                response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>How long to wait before retrying this response, or null when it is final.</summary>
    private (bool Transient, TimeSpan? Wait) RetryDelay(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } d } => d,
            { Date: { } at } => at - _clock.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        var remaining = Header(response.Headers, "x-ratelimit-remaining");
        var spent = remaining == "0";
        var secondary = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096))
            .Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase);
        if (status is 429 || (status is 403 && (spent || secondary || retryAfter is not null)))
        {
            if (retryAfter is { } ra) return (true, ra);
            if (spent && ResetAt(response.Headers) is { } reset) return (true, reset - _clock.GetUtcNow());
            return (true, secondary || status is 403 ? _options.SecondaryLimitDelay : null);
        }
        return (status >= 500, retryAfter);
    }

    /// <summary>Waits may come from a server: never negative, never longer than the cap.</summary>
    private TimeSpan Cap(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t > _options.MaxDelay ? _options.MaxDelay : t;

    private void NoteQuota(HttpResponseHeaders headers)
    {
        if (Header(headers, "x-ratelimit-remaining") == "0" && ResetAt(headers) is { } reset && reset > _notBefore) _notBefore = reset;
    }

    private static DateTimeOffset? ResetAt(HttpResponseHeaders headers) =>
        long.TryParse(Header(headers, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > _options.MaxBodyBytes)
            throw new InvalidDataException($"body of {response.Content.Headers.ContentLength} bytes is over the {_options.MaxBodyBytes}-byte limit");
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > _options.MaxBodyBytes) throw new InvalidDataException($"body over the {_options.MaxBodyBytes}-byte limit");
            buffer.Write(chunk, 0, n);
        }
        if (response.Content.Headers.ContentLength is { } expected && buffer.Length != expected)
            throw new IOException($"got {buffer.Length} of {expected} bytes");
        return buffer.ToArray();
    }

    /// <summary>The <c>rel="next"</c> target of a <c>link</c> header (GitHub paging), if any.</summary>
    public static Uri? NextLink(string? link)
    {
        if (link is null) return null;
        foreach (var part in link.Split(','))
        {
            var segments = part.Split(';');
            if (segments.Length < 2 || !segments.Skip(1).Any(s => s.Trim() is "rel=\"next\"" or "rel=next")) continue;
            var target = segments[0].Trim().TrimStart('<').TrimEnd('>');
            return Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri : null;
        }
        return null;
    }
}
