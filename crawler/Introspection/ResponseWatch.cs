using System.Net;
using Catalog.Crawler.Streams;

namespace Catalog.Crawler.Introspection;

/// <summary>
/// Sits under the SDK's HTTP transport for one introspection: remembers an auth refusal (401/403 and its
/// <c>WWW-Authenticate</c> challenge) so the attempt can say "needs auth" whatever exception the SDK raises, and
/// caps the bytes of all response bodies together, as stdout is capped for a local server.
/// </summary>
internal sealed class ResponseWatch(HttpMessageHandler inner, long maxBytes) : DelegatingHandler(inner)
{
    private long _bytes;

    public HttpStatusCode? AuthStatus { get; private set; }

    public string? Challenge { get; private set; }

    public bool Exceeded { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            AuthStatus ??= response.StatusCode;
            Challenge ??= response.Headers.WwwAuthenticate.Count > 0 ? response.Headers.WwwAuthenticate.ToString() : null;
        }
        var content = response.Content;
        var body = await content.ReadAsStreamAsync(ct);
        var capped = new StreamContent(new Counted(body, this));
        foreach (var h in content.Headers) capped.Headers.TryAddWithoutValidation(h.Key, h.Value);
        response.Content = capped;
        return response;
    }

    private int Note(int n)
    {
        if (Interlocked.Add(ref _bytes, n) > maxBytes)
        {
            Exceeded = true;
            throw new IOException($"server sent more than {maxBytes} bytes");
        }
        return n;
    }

    /// <summary>Counts into the shared budget of the watch.</summary>
    private sealed class Counted(Stream inner, ResponseWatch watch) : ReadOnlyStream(inner)
    {
        public override int Read(byte[] buffer, int offset, int count) => watch.Note(Inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            watch.Note(await Inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
