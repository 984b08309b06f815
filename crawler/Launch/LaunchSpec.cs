namespace Catalog.Crawler.Launch;

/// <summary>How to start one server for live introspection.</summary>
public abstract record LaunchSpec(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);

/// <summary>An npm package run with node from the package cache (<c>registryType: npm</c>, stdio).</summary>
public sealed record NpmLaunch(
    string Package,
    string Version,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment) : LaunchSpec(Arguments, Environment);

/// <summary>A command as an MCP client config names it (<c>command</c>, <c>args</c>, <c>env</c>).</summary>
public sealed record CommandLaunch(
    string Command,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment) : LaunchSpec(Arguments, Environment);

/// <summary>A server the crawler knows of but cannot start here; the reason becomes a skipped attempt.</summary>
public sealed record NoLaunch(string Reason) : LaunchSpec([], new Dictionary<string, string>());

/// <summary>
/// A server that cannot be started here but whose source tree can be read: its tools come from static extraction
/// (<c>Folder</c> is an extracted tarball; <c>Subfolder</c> narrows a monorepo).
/// </summary>
public sealed record SourceTreeLaunch(string Folder, string? Subfolder) : LaunchSpec([], new Dictionary<string, string>());

/// <summary>How a remote server speaks MCP over HTTP.</summary>
public enum RemoteTransport
{
    /// <summary>One endpoint taking POSTs (<c>type: streamable-http</c>).</summary>
    StreamableHttp,
    /// <summary>The older GET event stream plus a message endpoint (<c>type: sse</c>).</summary>
    Sse,
    /// <summary>Streamable HTTP first, SSE if that fails: for client configs that give a URL and no type.</summary>
    AutoDetect,
}

/// <summary>
/// A server reached over HTTP (server.json <c>remotes[]</c>, a client config's <c>url</c>). Nothing runs on this
/// machine, so there is no sandbox: the limits are on what the crawler reads and where it connects.
/// <paramref name="Headers"/> may hold secrets from a user's own config; they are sent, never logged or stored.
/// <paramref name="AllowPrivateNetwork"/> is for a user's own config, which may name a server on their machine or
/// network; a registry or seed entry may not reach loopback or private addresses.
/// </summary>
public sealed record RemoteLaunch(
    Uri Url,
    RemoteTransport Transport,
    IReadOnlyDictionary<string, string> Headers,
    bool AllowPrivateNetwork = false) : LaunchSpec([], new Dictionary<string, string>());
