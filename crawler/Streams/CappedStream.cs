namespace Catalog.Crawler.Streams;

/// <summary>
/// Fails once more than a fixed number of bytes have been read: a flooding server ends its own session, an archive
/// that expands past its cap stops expanding, and neither fills memory or disk.
/// </summary>
/// <param name="overflow">The exception to throw, given the cap.</param>
public sealed class CappedStream(Stream inner, long maxBytes, Func<long, Exception> overflow) : ReadOnlyStream(inner)
{
    public long Count { get; private set; }

    public bool Exceeded { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Note(Inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Note(await Inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Note(int n)
    {
        Count += n;
        if (Count > maxBytes)
        {
            Exceeded = true;
            throw overflow(maxBytes);
        }
        return n;
    }
}
