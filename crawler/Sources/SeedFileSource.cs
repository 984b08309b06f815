using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Crawler.Launch;
using Catalog.Data.Model;

namespace Catalog.Crawler.Sources;

/// <summary>
/// Reads a JSON array of server.json documents (the official MCP Registry's format, camelCase, with the older
/// snake_case names accepted). Entries that cannot be used are reported beside the good ones.
/// </summary>
public static partial class SeedFileSource
{
    [GeneratedRegex("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$")]
    private static partial Regex NamePattern();

    public static SourceResult Read(string path)
    {
        using var doc = Json.ReadFile(path);
        var root = doc.RootElement;
        // A registry list response ({"servers":[{"server":{…}}]}) is accepted as well as a bare array.
        var entries = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when root.TryGetProperty("servers", out var s) && s.ValueKind == JsonValueKind.Array =>
                s.EnumerateArray().Select(e => Json.Obj(e, "server") ?? e).ToList(),
            _ => throw new Data.InputException($"{path}: expected a JSON array of server.json documents"),
        };

        var records = new List<SourceRecord>();
        var errors = new List<SourceError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var where = $"{Path.GetFileName(path)}[{i}]";
            var result = Parse(entries[i], where);
            if (result.Error is { } error) errors.Add(error);
            else if (!seen.Add(result.Record!.Server.Id)) errors.Add(new SourceError(where, $"duplicate server name '{result.Record.Server.Id}'"));
            else records.Add(result.Record);
        }
        return new SourceResult(records, errors);
    }

    /// <summary>Turns one server.json document into a record, or says why it cannot.</summary>
    public static (SourceRecord? Record, SourceError? Error) Parse(JsonElement e, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) return (null, new SourceError(where, "not a JSON object"));
        var name = Json.Str(e, "name");
        if (string.IsNullOrWhiteSpace(name)) return (null, new SourceError(where, "missing required field 'name'"));
        if (name.Length > 200 || !NamePattern().IsMatch(name)) return (null, new SourceError(where, $"invalid server name '{Truncate(name, 80)}'"));

        var packages = Json.Array(e, "packages").ToList();
        var refs = packages.Select(p => new PackageRef(
            Json.Str(p, "registryType", "registry_type", "registry_name") ?? "unknown",
            Json.Str(p, "identifier", "name") ?? "",
            Json.Str(p, "version"),
            Json.Str(Json.Obj(p, "transport") ?? default, "type") ?? "stdio")).ToList();
        var repository = Json.Obj(e, "repository");

        var server = new Server(
            Id: name,
            Name: name,
            Title: Truncate(Json.Str(e, "title"), 200),
            Description: Truncate(Json.Str(e, "description"), 1000),
            Version: Truncate(Json.Str(e, "version"), 255),
            RepositoryUrl: repository is { } r ? Json.Str(r, "url") : null,
            WebsiteUrl: Json.Str(e, "websiteUrl", "website_url"),
            Packages: refs,
            Source: "seed",
            Document: e.GetRawText());

        var npm = packages.FirstOrDefault(p =>
            Json.Str(p, "registryType", "registry_type", "registry_name") == "npm"
            && (Json.Str(Json.Obj(p, "transport") ?? default, "type") ?? "stdio") == "stdio");
        LaunchSpec launch;
        if (npm.ValueKind != JsonValueKind.Object)
        {
            // No local package to run: a hosted remote is introspected over HTTP instead.
            launch = RemoteInputs.Launch(e)
                ?? new NoLaunch(packages.Count == 0 ? "no package or remote to start" : "no npm stdio package; other registries are not started yet");
        }
        else if (Json.Str(npm, "identifier", "name") is not { Length: > 0 } id || Json.Str(npm, "version") is not { Length: > 0 } version)
        {
            return (null, new SourceError(where, "npm package without identifier or version"));
        }
        else if (!NpmPackageName.IsValid(id) || !NpmPackageName.IsValidVersion(version))
        {
            return (null, new SourceError(where, $"invalid npm package '{Truncate(id, 80)}@{Truncate(version, 40)}'"));
        }
        else
        {
            launch = new NpmLaunch(id, version, PackageInputs.Arguments(npm), PackageInputs.Environment(npm));
        }
        return (new SourceRecord(server, launch), null);
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
