namespace Catalog.Data.Store;

/// <summary>Schema migrations, applied in order; the index of a step + 1 is the schema version it produces.</summary>
internal static class Migrations
{
    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE servers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            title TEXT,
            description TEXT,
            version TEXT,
            repository_url TEXT,
            website_url TEXT,
            packages TEXT NOT NULL,
            source TEXT NOT NULL,
            document TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE tools (
            server_id TEXT NOT NULL REFERENCES servers(id),
            name TEXT NOT NULL,
            current_hash TEXT NOT NULL,
            provenance TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            removed_at TEXT,
            PRIMARY KEY (server_id, name)
        );
        CREATE TABLE tool_versions (
            id INTEGER PRIMARY KEY,
            server_id TEXT NOT NULL,
            tool_name TEXT NOT NULL,
            hash TEXT NOT NULL,
            definition TEXT NOT NULL,
            provenance TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            UNIQUE (server_id, tool_name, hash)
        );
        CREATE TABLE classifications (
            server_id TEXT NOT NULL,
            tool_name TEXT NOT NULL,
            hash TEXT NOT NULL,
            classifier_version TEXT NOT NULL,
            category TEXT NOT NULL,
            risk TEXT NOT NULL,
            confidence REAL NOT NULL,
            document TEXT NOT NULL,
            classified_at TEXT NOT NULL,
            PRIMARY KEY (server_id, tool_name, hash)
        );
        CREATE TABLE crawl_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            sources TEXT NOT NULL
        );
        CREATE TABLE crawl_attempts (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
            server_id TEXT NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            duration_ms INTEGER NOT NULL,
            tool_count INTEGER NOT NULL,
            provenance TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (run_id, server_id)
        );
        CREATE INDEX crawl_attempts_server ON crawl_attempts(server_id, id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL,
            server_id TEXT NOT NULL,
            tool_name TEXT,
            kind TEXT NOT NULL,
            detail TEXT,
            at TEXT NOT NULL
        );
        CREATE TABLE policies (
            server_id TEXT NOT NULL,
            tool_name TEXT NOT NULL,
            format TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (server_id, tool_name, format)
        );
        CREATE VIRTUAL TABLE tools_fts USING fts5(server_id UNINDEXED, name, description);
        """,
        // 2: what several sources say about one server, incremental-crawl state, conditional-request cache, static evidence.
        """
        CREATE TABLE server_sources (
            server_id TEXT NOT NULL,
            source TEXT NOT NULL,
            source_key TEXT NOT NULL,
            status TEXT NOT NULL,
            document TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (server_id, source, source_key)
        );
        CREATE TABLE server_keys (
            key TEXT PRIMARY KEY,
            server_id TEXT NOT NULL
        );
        CREATE TABLE source_state (
            source TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (source, name)
        );
        CREATE TABLE http_cache (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            body BLOB NOT NULL,
            fetched_at TEXT NOT NULL
        );
        CREATE TABLE tool_evidence (
            server_id TEXT NOT NULL,
            tool_name TEXT NOT NULL,
            hash TEXT NOT NULL,
            provenance TEXT NOT NULL,
            confidence REAL NOT NULL,
            location TEXT NOT NULL,
            PRIMARY KEY (server_id, tool_name, hash)
        );
        """,
        // site: the input hash of every published page per output folder (incremental generation), and the hashes of a run not yet published; summary is the page's row in the browse lists and search index.
        """
        CREATE TABLE site_pages (
            site TEXT NOT NULL,
            path TEXT NOT NULL,
            input_hash TEXT NOT NULL,
            summary TEXT,
            PRIMARY KEY (site, path)
        );
        CREATE TABLE site_pages_pending (
            site TEXT NOT NULL,
            path TEXT NOT NULL,
            input_hash TEXT NOT NULL,
            summary TEXT,
            PRIMARY KEY (site, path)
        );
        """,
        // 4: a stamp per server that changes whenever a row the site reads for its tools changes, so the site generator
        // can keep a server's pages without reading its rows. Triggers keep it, whoever writes; an update that leaves
        // every column the site reads as it was (a crawl that only moves last_seen, a policy written again with the
        // same text) leaves the stamp alone. Crawl attempts are not stamped: the generator reads every server's last
        // attempt anyway, and a new one changes the server page alone.
        "CREATE TABLE site_stamps (server_id TEXT PRIMARY KEY, stamp INTEGER NOT NULL) WITHOUT ROWID;\n" +
        "INSERT INTO site_stamps (server_id, stamp) SELECT id, random() FROM servers;\n" +
        Stamped("servers", "id", "name", "title", "description", "version", "repository_url", "website_url", "packages", "source", "document") +
        Stamped("tools", "server_id", "name", "current_hash", "provenance", "first_seen", "removed_at") +
        Stamped("tool_versions", "server_id", "tool_name", "hash", "definition", "first_seen") +
        Stamped("classifications", "server_id", "tool_name", "hash", "classifier_version", "category", "risk", "confidence", "document") +
        Stamped("policies", "server_id", "tool_name", "format", "content"),
    ];

    /// <summary>
    /// The triggers that give a server a new stamp when a row of <paramref name="table"/> it owns is inserted or deleted,
    /// or updated in <paramref name="serverColumn"/> or one of <paramref name="columns"/>.
    /// </summary>
    private static string Stamped(string table, string serverColumn, params string[] columns)
    {
        // An upsert, not INSERT OR REPLACE: a statement's own ON CONFLICT clause overrides the one in the trigger body.
        string Stamp(string row) =>
            $"INSERT INTO site_stamps (server_id, stamp) VALUES ({row}.{serverColumn}, random()) ON CONFLICT (server_id) DO UPDATE SET stamp = excluded.stamp;";
        var changed = string.Join(" OR ", new[] { serverColumn }.Concat(columns).Select(c => $"OLD.{c} IS NOT NEW.{c}"));
        return $"""
            CREATE TRIGGER site_stamp_{table}_insert AFTER INSERT ON {table} BEGIN {Stamp("NEW")} END;
            CREATE TRIGGER site_stamp_{table}_update AFTER UPDATE ON {table} WHEN {changed} BEGIN {Stamp("OLD")} {Stamp("NEW")} END;
            CREATE TRIGGER site_stamp_{table}_delete AFTER DELETE ON {table} BEGIN {Stamp("OLD")} END;

            """;
    }
}
