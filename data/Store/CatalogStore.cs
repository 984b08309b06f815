using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Catalog.Data.Store;

/// <summary>
/// The catalog store: one SQLite file in WAL mode. Stages meet here; every write that belongs together is one
/// transaction, so a crash loses at most the server being written.
/// </summary>
public sealed partial class CatalogStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly TimeProvider _clock;
    private SqliteTransaction? _tx;

    private CatalogStore(SqliteConnection db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public string Path { get; private init; } = "";

    /// <summary>Opens (creating if needed) and migrates the store at <paramref name="path"/>.</summary>
    public static CatalogStore Open(string path, TimeProvider? clock = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        db.Open();
        var store = new CatalogStore(db, clock ?? TimeProvider.System) { Path = full };
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
        store.Migrate();
        return store;
    }

    /// <summary>
    /// A second, read-only connection to the same file, for reading on another thread: in WAL mode readers run beside
    /// the writer and each other. The store must already be migrated (this one was opened by <see cref="Open"/>).
    /// </summary>
    public CatalogStore OpenReader()
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        db.Open();
        var reader = new CatalogStore(db, _clock) { Path = Path };
        reader.Execute("PRAGMA busy_timeout=10000;");
        return reader;
    }

    public int SchemaVersion => Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        while (SchemaVersion < Migrations.Steps.Count)
        {
            // BEGIN IMMEDIATE waits for any other process migrating the same new file; the version is read again
            // under the write lock, so a step that process already applied is not applied twice.
            using var tx = Begin();
            var version = SchemaVersion;
            if (version < Migrations.Steps.Count)
            {
                Execute(Migrations.Steps[version]);
                Execute($"PRAGMA user_version = {version + 1}");
            }
            tx.Commit();
        }
    }

    /// <summary>Runs SQLite's own consistency check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Convert.ToString(Scalar("PRAGMA integrity_check"), CultureInfo.InvariantCulture) ?? "";

    private string Now() => _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _tx;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private int Execute(string sql, params (string, object?)[] args)
    {
        using var cmd = Command(sql, args);
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object?)[] args)
    {
        using var cmd = Command(sql, args);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private IEnumerable<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string, object?)[] args)
    {
        using var cmd = Command(sql, args);
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) yield return map(reader);
    }

    /// <summary>Starts the one transaction every command of this store joins until it is committed or disposed.</summary>
    private Transaction Begin()
    {
        if (_tx is not null) throw new InvalidOperationException("a transaction is already open on this store");
        _tx = _db.BeginTransaction();
        return new Transaction(this, _tx);
    }

    private sealed class Transaction(CatalogStore store, SqliteTransaction tx) : IDisposable
    {
        public SqliteTransaction Inner => tx;

        public void Commit() => tx.Commit();

        public void Dispose()
        {
            store._tx = null;
            tx.Dispose();
        }
    }

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public void Dispose()
    {
        _db.Dispose();
    }
}
