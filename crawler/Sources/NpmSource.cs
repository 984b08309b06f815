using System.Text.Json.Nodes;
using Catalog.Crawler.Launch;
using Catalog.Data.Model;

namespace Catalog.Crawler.Sources;

/// <summary>
/// npm packages named by the caller (or by other sources): each package's latest version becomes a server.json-shaped
/// record with an npm stdio package, started live like a seed entry.
/// </summary>
public sealed class NpmSource(NpmRegistry npm, IReadOnlyList<string> packages) : IServerSource
{
    public string Name => "npm";

    public async Task<SourceRead> ReadAsync(CancellationToken ct)
    {
        var records = new List<SourcedRecord>();
        var errors = new List<SourceError>();
        foreach (var spec in packages.Distinct(StringComparer.Ordinal))
        {
            var at = spec.LastIndexOf('@');
            var (name, version) = at > 0 ? (spec[..at], spec[(at + 1)..]) : (spec, null);
            var (package, error) = await npm.GetPackageAsync(name, version, ct);
            if (package is null) { errors.Add(new SourceError(spec, error!)); continue; }
            records.Add(new SourcedRecord(Name, package.Name, "active", ToRecord(package)));
        }
        return new SourceRead(Name, records, errors, new Dictionary<string, string>());
    }

    public static SourceRecord ToRecord(NpmPackage p)
    {
        var doc = new JsonObject
        {
            ["name"] = "npm:" + p.Name,
            ["description"] = p.Description is { Length: > 1000 } d ? d[..1000] : p.Description,
            ["version"] = p.Version,
            ["packages"] = new JsonArray(new JsonObject
            {
                ["registryType"] = "npm", ["identifier"] = p.Name, ["version"] = p.Version, ["transport"] = new JsonObject { ["type"] = "stdio" },
            }),
        };
        if (p.RepositoryUrl is not null) doc["repository"] = new JsonObject { ["url"] = p.RepositoryUrl };
        var server = new Server("npm:" + p.Name, p.Name, null, p.Description is { Length: > 1000 } desc ? desc[..1000] : p.Description, p.Version,
            p.RepositoryUrl, null, [new PackageRef("npm", p.Name, p.Version, "stdio")], "npm", doc.ToJsonString());
        LaunchSpec launch = NpmPackageName.IsValidVersion(p.Version) ? new NpmLaunch(p.Name, p.Version, [], new Dictionary<string, string>()) : new NoLaunch("unusable npm version");
        return new SourceRecord(server, launch);
    }
}
