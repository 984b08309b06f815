namespace Catalog.Cli.Schedule;

/// <summary>
/// One scheduled run per store across processes: an exclusive lock on <c>&lt;db&gt;.lock</c> (FileShare.None, which
/// .NET takes as a non-blocking <c>flock</c> on Linux). The kernel drops the lock when its holder dies, so a run
/// killed with SIGKILL never leaves the store locked; the file itself stays and only says who last held it.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    public static string PathFor(string db) => Path.GetFullPath(db) + ".lock";

    /// <returns>The held lock, or null when another run holds it.</returns>
    public static StoreLock? TryAcquire(string db)
    {
        var path = PathFor(db);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var w = new StreamWriter(file, leaveOpen: true)) w.Write($"pid {Environment.ProcessId} since {DateTimeOffset.UtcNow:O}\n");
            return new StoreLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// For <c>build</c> and <c>crawl</c>: the lock, or null after telling the user who holds it, so a manual run never
    /// overlaps a scheduled one on the same store.
    /// </summary>
    public static StoreLock? ForCommand(string db, CliConsole console)
    {
        if (TryAcquire(db) is { } held) return held;
        console.Error.WriteLine($"catalog: another run holds {PathFor(db)}; run again when it has finished");
        return null;
    }

    public void Dispose() => _file.Dispose();
}
