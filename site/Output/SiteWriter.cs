using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Catalog.Site.Rendering;

namespace Catalog.Site.Output;

/// <summary>
/// Writes one generation of the site. Files whose bytes changed are written to a staging folder beside the site;
/// nothing in the site itself changes until <see cref="Publish"/>, which moves the staged files into place, deletes
/// what the previous run wrote and this one did not (it remembers its files in a manifest, so it never deletes
/// anything it did not write), and replaces the manifest last. A run that fails before publishing leaves the previous
/// site exactly as it was (<see cref="Abort"/> removes the staging folder).
/// </summary>
/// <remarks>
/// Why not build a full copy and swap folders: at a million tools a full copy is millions of file writes even when
/// 1% changed; staging only the changed files keeps an incremental run proportional to the change, and the publish
/// step is a short series of renames on one file system. Memory per file is one 64-bit path hash, not the path.
/// Into an empty folder (a first build) nothing is compared and the staged tree moves in with one rename per
/// top-level entry.
/// </remarks>
public sealed class SiteWriter
{
    public const string ManifestName = ".site-manifest";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _root;
    private readonly string _staging;
    private readonly HashSet<ulong> _written = [];
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private readonly StreamWriter _manifest;
    private readonly bool _fresh;
    private int _filesWritten;
    private int _filesUnchanged;
    private bool _done;

    public SiteWriter(string root)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(_root);
        _fresh = !Directory.EnumerateFileSystemEntries(_root).Any();
        _staging = _root + ".staging";
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true); // left by a run that died
        Directory.CreateDirectory(_staging);
        _manifest = new StreamWriter(Path.Combine(_staging, ManifestName), false, Utf8) { NewLine = "\n" };
    }

    public string Root => _root;

    /// <summary>A folder for the generator's own scratch files; removed with the staging folder.</summary>
    public string ScratchFile(string name) => Path.Combine(_staging, ".scratch-" + name);

    public int FilesWritten => _filesWritten;

    public int FilesUnchanged => _filesUnchanged;

    public int FilesDeleted { get; private set; }

    public void Write(string relativePath, string content) => Write(relativePath, Utf8.GetBytes(content));

    public void Write(string relativePath, byte[] content)
    {
        Record(relativePath);
        Stage(relativePath, content);
    }

    /// <summary>Starts a group of files that may be written on another thread; <see cref="Commit"/> records them in order.</summary>
    public Batch StartBatch() => new(this);

    /// <summary>Records a batch's files in the manifest, in the order they were written (call in a deterministic order).</summary>
    public void Commit(Batch batch)
    {
        foreach (var path in batch.Paths) Record(path);
    }

    /// <summary>
    /// Records a batch's files in ordinal path order: for a group of files that is sometimes rebuilt in the order its
    /// rows stream past and sometimes kept whole, so the manifest is the same either way.
    /// </summary>
    public void CommitInPathOrder(Batch batch)
    {
        foreach (var path in batch.Paths.Order(StringComparer.Ordinal)) Record(path);
    }

    /// <summary>
    /// The files of one unit of work (one server's pages). Writing stages the bytes at once, from any thread; the
    /// paths reach the manifest only through <see cref="Commit"/>, so the manifest does not depend on thread timing.
    /// </summary>
    public sealed class Batch(SiteWriter writer)
    {
        private readonly List<string> _paths = [];
        private readonly Dictionary<string, HashSet<string>> _listed = new(StringComparer.Ordinal);

        internal IReadOnlyList<string> Paths => _paths;

        /// <summary>
        /// Reads the names in one published folder at once, so that keeping the many files in it (a server's tool
        /// pages) asks the file system once instead of once per file.
        /// </summary>
        public void ListFolder(string relativeFolder)
        {
            var folder = relativeFolder.TrimEnd('/');
            var full = Resolve(writer._root, folder);
            _listed[folder] = writer._fresh || !Directory.Exists(full)
                ? []
                : Directory.EnumerateFiles(full).Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);
        }

        public void Write(string relativePath, Markup content)
        {
            writer.StageMarkup(relativePath, content);
            _paths.Add(relativePath);
        }

        /// <summary>Writes text as it is (a policy file in another format, for example), UTF-8 encoded.</summary>
        public void Write(string relativePath, string content) => Write(relativePath, Html.Trusted(content));

        public void Write(string relativePath, byte[] content)
        {
            writer.Stage(relativePath, content);
            _paths.Add(relativePath);
        }

        /// <summary>Publishes a scratch file (moved, not read into memory).</summary>
        public void WriteFile(string relativePath, string file)
        {
            writer.StageFile(relativePath, file);
            _paths.Add(relativePath);
        }

        /// <summary>Keeps published files without rendering them again; false (and nothing kept) when one is missing.</summary>
        public bool KeepAll(IReadOnlyList<string> relativePaths)
        {
            if (!relativePaths.All(Published)) return false;
            _paths.AddRange(relativePaths);
            Interlocked.Add(ref writer._filesUnchanged, relativePaths.Count);
            return true;
        }

        private bool Published(string relativePath)
        {
            var slash = relativePath.LastIndexOf('/');
            return slash > 0 && _listed.TryGetValue(relativePath[..slash], out var names)
                ? names.Contains(relativePath[(slash + 1)..])
                : writer.Exists(relativePath);
        }
    }

    /// <summary>Stages a file whose bytes differ from the published one; safe to call from several threads.</summary>
    private void Stage(string relativePath, ReadOnlySpan<byte> content)
    {
        var full = Resolve(_root, relativePath);
        if (!_fresh && File.Exists(full) && SameBytes(full, content))
        {
            Interlocked.Increment(ref _filesUnchanged);
            return;
        }
        var staged = Resolve(_staging, relativePath);
        var folder = Path.GetDirectoryName(staged)!;
        if (!_folders.ContainsKey(folder))
        {
            // Created before it is remembered: a thread that finds it remembered may write into it at once.
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, true);
        }
        // Staged paths are new: no truncation, and a path staged twice fails here instead of losing a file.
        using (var handle = File.OpenHandle(staged, FileMode.CreateNew, FileAccess.Write))
            RandomAccess.Write(handle, content, fileOffset: 0);
        Interlocked.Increment(ref _filesWritten);
    }

    /// <summary>
    /// Stages markup encoded part by part into one pooled buffer of the exact size (the worst case, three bytes per
    /// character, would put a server page on the large-object heap), so a page is never joined into one string.
    /// </summary>
    private void StageMarkup(string relativePath, Markup content)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8Length(content));
        try
        {
            Stage(relativePath, buffer.AsSpan(0, EncodeUtf8(content, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Utf8Length(Markup markup)
    {
        if (markup.Text is { } text) return Utf8.GetByteCount(text);
        var length = 0;
        foreach (var part in markup.Parts) length += Utf8Length(part);
        return length;
    }

    private static int EncodeUtf8(Markup markup, Span<byte> into)
    {
        if (markup.Text is { } text) return Utf8.GetBytes(text, into);
        var written = 0;
        foreach (var part in markup.Parts) written += EncodeUtf8(part, into[written..]);
        return written;
    }

    private void StageFile(string relativePath, string file)
    {
        Resolve(_root, relativePath);
        var staged = Resolve(_staging, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.Move(file, staged, overwrite: true);
        Interlocked.Increment(ref _filesWritten);
    }

    private bool Exists(string relativePath) => !_fresh && File.Exists(Resolve(_root, relativePath));

    /// <summary>Moves staged files into the site, deletes files the last run wrote and this one did not, then the manifest.</summary>
    public void Publish()
    {
        _manifest.Dispose();
        if (_fresh)
        {
            PublishInto();
            return;
        }
        // Replacing a file is mostly the file system's work (the old file is freed), so the moves run on every core.
        var folders = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        Parallel.ForEach(Directory.EnumerateFiles(_staging, "*", SearchOption.AllDirectories), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, staged =>
        {
            var relative = Path.GetRelativePath(_staging, staged).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == ManifestName || relative.StartsWith(".scratch-", StringComparison.Ordinal)) return;
            var target = Path.Combine(_root, relative);
            var folder = Path.GetDirectoryName(target)!;
            if (!folders.ContainsKey(folder))
            {
                // Created before it is remembered, as in Stage.
                Directory.CreateDirectory(folder);
                folders.TryAdd(folder, true);
            }
            File.Move(staged, target, overwrite: true);
        });
        var manifest = Path.Combine(_root, ManifestName);
        var newManifest = Path.Combine(_staging, ManifestName);
        // The same files as last time (most incremental runs): nothing to delete, and the manifest stays as it is.
        var same = File.Exists(manifest) && SameFiles(manifest, newManifest);
        if (!same && File.Exists(manifest))
        {
            foreach (var line in File.ReadLines(manifest))
            {
                if (line.Length == 0 || _written.Contains(PathHash(line))) continue;
                string full;
                try
                {
                    full = Resolve(_root, line);
                }
                catch (ArgumentException)
                {
                    continue; // a manifest line that points outside the site is ignored, never followed
                }
                if (!File.Exists(full)) continue;
                File.Delete(full);
                FilesDeleted++;
            }
        }
        if (!same) File.Move(newManifest, manifest, overwrite: true);
        Directory.Delete(_staging, recursive: true);
        _done = true;
    }

    /// <summary>A first build: the folder was empty, so whole staged folders move in and nothing is compared or deleted.</summary>
    private void PublishInto()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_staging))
        {
            var name = Path.GetFileName(entry);
            if (name == ManifestName || name.StartsWith(".scratch-", StringComparison.Ordinal)) continue;
            var target = Path.Combine(_root, name);
            if (Directory.Exists(entry)) Directory.Move(entry, target);
            else File.Move(entry, target);
        }
        File.Move(Path.Combine(_staging, ManifestName), Path.Combine(_root, ManifestName));
        Directory.Delete(_staging, recursive: true);
        _done = true;
    }

    /// <summary>Drops everything staged; the published site is untouched.</summary>
    public void Abort()
    {
        if (_done) return;
        _done = true;
        try
        {
            // On a full disk flushing the manifest fails too; that must not keep the staged files on the disk.
            _manifest.Dispose();
        }
        catch (IOException)
        {
        }
        try
        {
            Directory.Delete(_staging, recursive: true);
        }
        catch (IOException)
        {
            // removed on the next run
        }
    }

    private void Record(string relativePath)
    {
        if (!_written.Add(PathHash(relativePath))) throw new InvalidOperationException($"Two outputs share the path {relativePath}.");
        _manifest.WriteLine(relativePath);
    }

    private static bool SameBytes(string file, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(file);
        return info.Length == content.Length && File.ReadAllBytes(file).AsSpan().SequenceEqual(content);
    }

    /// <summary>Compares two files a block at a time (a manifest at a million tools is about 100 MB).</summary>
    private static bool SameFiles(string a, string b)
    {
        using var x = File.OpenRead(a);
        using var y = File.OpenRead(b);
        if (x.Length != y.Length) return false;
        var left = new byte[1 << 16];
        var right = new byte[1 << 16];
        int read;
        while ((read = x.Read(left)) > 0)
        {
            y.ReadExactly(right, 0, read);
            if (!left.AsSpan(0, read).SequenceEqual(right.AsSpan(0, read))) return false;
        }
        return true;
    }

    /// <summary>64-bit FNV-1a over the path's UTF-16 units: stable, and a collision among a million paths is vanishingly unlikely.</summary>
    private static ulong PathHash(string path)
    {
        var h = 14695981039346656037UL;
        foreach (var c in path)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return h;
    }

    private static string Resolve(string root, string relativePath)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Split('/').Any(p => p is "" or "." or ".."))
            throw new ArgumentException($"Not a safe relative path: {relativePath}", nameof(relativePath));
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Path escapes the site: {relativePath}", nameof(relativePath));
        return full;
    }
}
