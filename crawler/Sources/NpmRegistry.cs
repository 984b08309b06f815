using System.Security.Cryptography;
using System.Text.Json;
using Catalog.Crawler.Archives;
using Catalog.Crawler.Http;

namespace Catalog.Crawler.Sources;

/// <summary>One version of an npm package as its registry document describes it.</summary>
public sealed record NpmPackage(string Name, string Version, string? Description, string? RepositoryUrl, string? Tarball, string? Shasum, IReadOnlyList<string> Keywords);

/// <summary>
/// The npm registry: package metadata (<c>GET /&lt;name&gt;</c>, scoped names as <c>@scope%2Fname</c>) and tarballs
/// for static extraction, extracted with <see cref="SafeTarball"/> once per package@version (sha1 checked).
/// </summary>
public sealed class NpmRegistry(HttpFetcher http, Uri registryUrl, string cacheRoot)
{
    public const string DefaultUrl = "https://registry.npmjs.org";
    private const string Marker = ".extracted";

    public int TarballDownloads { get; private set; }

    public async Task<(NpmPackage? Package, string? Error)> GetPackageAsync(string name, string? version, CancellationToken ct)
    {
        if (!NpmPackageName.IsValid(name)) return (null, $"invalid npm package name '{(name.Length > 80 ? name[..80] : name)}'");
        var url = new Uri(new Uri(registryUrl.AbsoluteUri.TrimEnd('/') + "/"), name.Replace("/", "%2F", StringComparison.Ordinal));
        var fetched = await http.GetAsync(url, conditional: true, ct);
        if (!fetched.Ok) return (null, $"npm {name}: {fetched.Error}");
        try
        {
            using var doc = JsonDocument.Parse(fetched.Body, new JsonDocumentOptions { MaxDepth = 128 });
            var root = doc.RootElement;
            var wanted = version ?? Json.Str(Json.Obj(root, "dist-tags") ?? default, "latest");
            if (wanted is null || Json.Obj(Json.Obj(root, "versions") ?? default, wanted) is not { } v) return (null, $"npm {name}: no version '{version ?? "latest"}'");
            var repo = Json.Obj(v, "repository") is { } r ? Json.Str(r, "url") : Json.Str(v, "repository");
            var dist = Json.Obj(v, "dist") ?? default;
            var keywords = Json.Array(v, "keywords").Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).ToList();
            return (new NpmPackage(name, wanted, Json.Str(v, "description"), RepoUrl.Normalise(repo), Json.Str(dist, "tarball"), Json.Str(dist, "shasum"), keywords), null);
        }
        catch (JsonException ex)
        {
            return (null, $"npm {name}: malformed JSON: {ex.Message}");
        }
    }

    /// <summary>The package's files, extracted once per version into the cache; nothing in them is run.</summary>
    public async Task<(string? Folder, string? Error)> FetchSourceAsync(NpmPackage p, CancellationToken ct)
    {
        var folder = Path.Combine(cacheRoot, "static", "npm", p.Name.Replace('/', '+') + "@" + p.Version);
        if (File.Exists(Path.Combine(folder, Marker))) return (folder, null);
        if (p.Tarball is null || !Uri.TryCreate(p.Tarball, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")) return (null, "no tarball URL");
        var fetched = await http.GetAsync(url, conditional: false, ct);
        TarballDownloads++;
        if (!fetched.Ok) return (null, $"tarball: {fetched.Error}");
        if (p.Shasum is { Length: 40 } sha && !Convert.ToHexStringLower(SHA1.HashData(fetched.Body)).Equals(sha, StringComparison.OrdinalIgnoreCase))
            return (null, "tarball: sha1 does not match the registry's shasum");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var result = await SafeTarball.ExtractAsync(new MemoryStream(fetched.Body), folder, new TarballLimits(), ct);
        if (result.Error is not null) return (null, "tarball: " + result.Error);
        await File.WriteAllTextAsync(Path.Combine(folder, Marker), p.Tarball, ct);
        return (folder, null);
    }
}
