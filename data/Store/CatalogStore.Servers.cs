using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Data.Store;

public sealed partial class CatalogStore
{
    /// <summary>Inserts a server or refreshes what a source says about it; first_seen is kept.</summary>
    public void UpsertServer(Server server)
    {
        var packages = JsonSerializer.Serialize(server.Packages.ToList(), PackagesJson.Default.ListPackageRef);
        var now = Now();
        Execute("""
            INSERT INTO servers (id, name, title, description, version, repository_url, website_url, packages, source, document, first_seen, updated_at)
            VALUES ($id, $name, $title, $description, $version, $repo, $web, $packages, $source, $document, $now, $now)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, title = excluded.title, description = excluded.description,
                version = excluded.version, repository_url = excluded.repository_url, website_url = excluded.website_url,
                packages = excluded.packages, source = excluded.source, document = excluded.document, updated_at = excluded.updated_at
            """,
            ("$id", server.Id), ("$name", server.Name), ("$title", server.Title), ("$description", server.Description),
            ("$version", server.Version), ("$repo", server.RepositoryUrl), ("$web", server.WebsiteUrl),
            ("$packages", packages), ("$source", server.Source), ("$document", server.Document), ("$now", now));
    }

    public Server? GetServer(string id) =>
        Query(ServerSelect + " WHERE id = $id", ReadServer, ("$id", id)).FirstOrDefault();

    /// <summary>Every server, ordered by id.</summary>
    public IReadOnlyList<Server> GetServers() => Query(ServerSelect + " ORDER BY id", ReadServer).ToList();

    private const string ServerSelect =
        "SELECT id, name, title, description, version, repository_url, website_url, packages, source, document FROM servers";

    private static Server ReadServer(Microsoft.Data.Sqlite.SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4),
        NullableString(r, 5), NullableString(r, 6),
        JsonSerializer.Deserialize(r.GetString(7), PackagesJson.Default.ListPackageRef) ?? [],
        r.GetString(8), r.GetString(9));
}

[System.Text.Json.Serialization.JsonSerializable(typeof(List<PackageRef>))]
internal sealed partial class PackagesJson : System.Text.Json.Serialization.JsonSerializerContext;
