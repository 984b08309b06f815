using System.Text.Json;
using Catalog.Crawler.Launch;
using Catalog.Data.Model;

namespace Catalog.Crawler.Sources;

/// <summary>
/// Reads the <c>mcpServers</c> config that Claude Desktop, Cursor and VS Code use, so users classify the servers
/// they actually run. <c>npx [-y] pkg@version</c> entries become npm packages (installed into the cache, not fetched
/// at run time); other commands run as given inside the sandbox.
/// </summary>
public static class McpConfigSource
{
    public static SourceResult Read(string path)
    {
        using var doc = Json.ReadFile(path);
        var root = doc.RootElement;
        var servers = Json.Obj(root, "mcpServers") ?? Json.Obj(root, "servers")
            ?? throw new Data.InputException($"{path}: expected an object with an 'mcpServers' object");

        var records = new List<SourceRecord>();
        var errors = new List<SourceError>();
        foreach (var entry in servers.EnumerateObject())
        {
            var where = $"{Path.GetFileName(path)}: mcpServers.{entry.Name}";
            var (record, error) = Parse(entry.Name, entry.Value, where);
            if (error is not null) errors.Add(error);
            else records.Add(record!);
        }
        return new SourceResult(records, errors);
    }

    private static (SourceRecord?, SourceError?) Parse(string key, JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) return (null, new SourceError(where, "not a JSON object"));
        if (key.Length is 0 or > 100 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return (null, new SourceError(where, "server key must be 1-100 characters of letters, digits, '-', '_' or '.'"));
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Json.Obj(e, "env") is { } envObj)
        {
            foreach (var p in envObj.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String) env[p.Name] = p.Value.GetString()!;
            }
        }
        var args = Json.Array(e, "args").Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList();

        var command = Json.Str(e, "command");
        if (command is null)
        {
            var url = Json.Str(e, "url", "serverUrl");
            return url is null
                ? (null, new SourceError(where, "neither 'command' nor 'url'"))
                : (Record(key, $"local/{key}", e, [], Remote(url, e)), null);
        }

        if (Path.GetFileName(command) == "npx")
        {
            var spec = args.FirstOrDefault(a => !a.StartsWith('-'));
            if (spec is not null && SplitSpec(spec) is var (package, version) && NpmPackageName.IsValid(package))
            {
                var rest = args.Skip(args.IndexOf(spec) + 1).ToList();
                if (version is null || !NpmPackageName.IsValidVersion(version))
                    return (Record(key, $"npm:{package}", e, [new PackageRef("npm", package, version, "stdio")],
                        new NoLaunch($"npx package '{package}' has no exact version; pin it (pkg@1.2.3) to crawl it")), null);
                return (Record(key, $"npm:{package}", e, [new PackageRef("npm", package, version, "stdio")],
                    new NpmLaunch(package, version, rest, env)), null);
            }
        }
        return (Record(key, $"local/{key}", e, [], new CommandLaunch(command, args, env)), null);
    }

    /// <summary>
    /// A <c>url</c> entry: the user's own server, so it may be on their machine or network, and its headers are sent
    /// as written (as <c>env</c> is for a command); a <c>${input:…}</c> or <c>${env:…}</c> reference the crawler
    /// cannot resolve becomes a placeholder.
    /// </summary>
    private static LaunchSpec Remote(string text, JsonElement e)
    {
        var (url, error) = RemoteInputs.Url(text, default);
        if (url is null) return new NoLaunch(error!);
        var transport = (Json.Str(e, "type", "transport") ?? "").ToLowerInvariant() switch
        {
            "sse" => RemoteTransport.Sse,
            "http" or "streamable-http" or "streamablehttp" or "streamable_http" => RemoteTransport.StreamableHttp,
            _ => RemoteTransport.AutoDetect,
        };
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Json.Obj(e, "headers") is { } h)
        {
            foreach (var p in h.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.String || !RemoteInputs.IsHeaderName(p.Name)) continue;
                var value = p.Value.GetString()!;
                var reference = value.IndexOf("${", StringComparison.Ordinal);
                if (reference >= 0) value = value[..reference] + PackageInputs.Placeholder(p.Name);
                if (!value.Any(char.IsControl)) headers[p.Name] = value;
            }
        }
        return new RemoteLaunch(url, transport, headers, AllowPrivateNetwork: true);
    }

    private static (string Package, string? Version) SplitSpec(string spec)
    {
        var at = spec.LastIndexOf('@');
        return at > 0 ? (spec[..at], spec[(at + 1)..]) : (spec, null);
    }

    private static SourceRecord Record(string key, string id, JsonElement e, IReadOnlyList<PackageRef> packages, LaunchSpec launch) =>
        new(new Server(id, key, key, null, packages.FirstOrDefault()?.Version, null, null, packages, "mcp-config", Redacted(e)), launch);

    /// <summary>The config entry as stored: env values are dropped, since configs carry real secrets.</summary>
    private static string Redacted(JsonElement e)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is "env" or "headers" && p.Value.ValueKind == JsonValueKind.Object)
                {
                    w.WriteStartObject(p.Name);
                    foreach (var v in p.Value.EnumerateObject()) w.WriteString(v.Name, "[redacted]");
                    w.WriteEndObject();
                }
                else
                {
                    p.WriteTo(w);
                }
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
