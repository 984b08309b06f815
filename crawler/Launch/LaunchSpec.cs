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
