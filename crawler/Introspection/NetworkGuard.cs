using System.Net;
using System.Net.Sockets;

namespace Catalog.Crawler.Introspection;

/// <summary>
/// Connects for the HTTP introspector, refusing loopback, private, link-local and other non-public addresses unless
/// allowed: a registry entry must not turn the crawler into a probe of its own machine or network (cloud metadata
/// at 169.254.169.254, an admin port on localhost). The check is on the resolved address at connect time, so a
/// public name that resolves to a private address, or a redirect to one, is refused too.
/// </summary>
public static class NetworkGuard
{
    /// <summary>A handler that connects only to public addresses (any address when <paramref name="allowPrivate"/>), never through a proxy.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate, TimeSpan connectTimeout) => new()
    {
        // The guard must see the real destination; a proxy would hide it.
        UseProxy = false,
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 3,
        ConnectTimeout = connectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var usable = allowPrivate ? addresses : addresses.Where(IsPublic).ToArray();
            if (usable.Length == 0) throw new RefusedAddressException(host);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>False for loopback, unspecified, private (RFC 1918, fc00::/7), link-local, CGNAT (100.64/10), benchmarking (198.18/15), 192.0.0/24, 192.0.2/24 and multicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            // fc00::/7 unique-local; link-local, site-local and multicast have their own flags.
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC);
        }
        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => false,
            >= 224 => false,
            100 => v4[1] is < 64 or > 127,
            169 => v4[1] != 254,
            172 => v4[1] is < 16 or > 31,
            192 => !(v4[1] == 168 || (v4[1] == 0 && v4[2] is 0 or 2)),
            198 => v4[1] is not (18 or 19),
            _ => true,
        };
    }
}

/// <summary>The destination resolved only to addresses the crawler may not reach.</summary>
internal sealed class RefusedAddressException(string host)
    : IOException($"refused: '{host}' resolves only to loopback, private or link-local addresses");
