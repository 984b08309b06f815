using Catalog.Crawler.Streams;
using System.Formats.Tar;
using System.IO.Compression;

namespace Catalog.Crawler.Archives;

/// <summary>Caps for one archive. Everything in a crawled tarball is hostile.</summary>
public sealed record TarballLimits
{
    public int MaxFiles { get; init; } = 20_000;
    public long MaxFileBytes { get; init; } = 8L * 1024 * 1024;
    /// <summary>Bytes that come out of the gzip stream in all: the decompression-bomb cap.</summary>
    public long MaxExpandedBytes { get; init; } = 512L * 1024 * 1024;
    /// <summary>Drop the archive's top folder (<c>package/</c> in npm, <c>owner-repo-sha/</c> on GitHub).</summary>
    public bool StripTopFolder { get; init; } = true;
}

/// <summary>What an extraction wrote and what it refused, or the error that stopped it.</summary>
public sealed record ExtractResult(int Files, long Bytes, IReadOnlyList<string> Refused, string? Error);

/// <summary>
/// Extracts a .tar.gz into a folder without trusting it: only regular files and folders are written (symlinks,
/// hard links, devices are refused), no path may leave the folder (<c>..</c>, absolute paths, drive letters,
/// backslashes), files get no execute bit, and file count, file size and expanded size are capped. Nothing is run.
/// A capped or corrupt archive leaves no folder behind.
/// </summary>
public static class SafeTarball
{
    public static async Task<ExtractResult> ExtractAsync(Stream gzip, string destination, TarballLimits? limits = null, CancellationToken ct = default)
    {
        var l = limits ?? new TarballLimits();
        var root = Path.GetFullPath(destination);
        Directory.CreateDirectory(root);
        var refused = new List<string>();
        int files = 0;
        try
        {
            await using var expanded = new CappedStream(new GZipStream(gzip, CompressionMode.Decompress, leaveOpen: true), l.MaxExpandedBytes,
                max => new InvalidDataException($"archive expands past {max} bytes"));
            await using var tar = new TarReader(expanded, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                var relative = Relative(entry.Name, l.StripTopFolder);
                if (relative is null)
                {
                    if (entry.EntryType is not (TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)) refused.Add($"{Show(entry.Name)}: path outside the folder");
                    continue;
                }
                var target = Path.GetFullPath(Path.Combine(root, relative));
                if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    refused.Add($"{Show(entry.Name)}: path outside the folder");
                    continue;
                }
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(target);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                        if (++files > l.MaxFiles) return Fail(root, $"more than {l.MaxFiles} files");
                        if (entry.Length > l.MaxFileBytes) { refused.Add($"{Show(entry.Name)}: {entry.Length} bytes, over the per-file limit"); break; }
                        if (!IsInsideReal(root, Path.GetDirectoryName(target)!)) { refused.Add($"{Show(entry.Name)}: parent is not a plain folder"); break; }
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        if (File.Exists(target)) File.Delete(target);
                        await using (var output = new FileStream(target, WriteOptions()))
                        {
                            if (entry.DataStream is { } data) await CopyCappedAsync(data, output, l.MaxFileBytes, ct);
                        }
                        break;
                    default:
                        refused.Add($"{Show(entry.Name)}: {entry.EntryType} entries are not extracted");
                        break;
                }
            }
            return new ExtractResult(files, expanded.Count, refused, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or IOException or ArgumentException)
        {
            return Fail(root, $"unreadable archive: {ex.Message}");
        }
    }

    /// <summary>The entry's path below the folder, or null when it is absolute, climbs out, or is the top folder itself.</summary>
    private static string? Relative(string name, bool strip)
    {
        var parts = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        if (name.StartsWith('/') || name.StartsWith('\\') || (name.Length > 1 && name[1] == ':')) return null;
        if (parts.Any(p => p == ".." || p.Contains(':', StringComparison.Ordinal) || p.Contains('\0', StringComparison.Ordinal))) return null;
        if (strip && parts.Count > 0) parts.RemoveAt(0);
        return parts.Count == 0 ? null : Path.Combine([.. parts]);
    }

    /// <summary>No folder between root and <paramref name="dir"/> may be a link (we never create links, but check).</summary>
    private static bool IsInsideReal(string root, string dir)
    {
        for (var d = new DirectoryInfo(dir); d is not null && d.FullName.Length > root.Length; d = d.Parent)
        {
            if (d.Exists && d.LinkTarget is not null) return false;
        }
        return true;
    }

    private static FileStreamOptions WriteOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    private static async Task CopyCappedAsync(Stream input, Stream output, long max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await input.ReadAsync(buffer, ct)) > 0)
        {
            total += n;
            if (total > max) throw new InvalidDataException($"a file is over the {max}-byte limit");
            await output.WriteAsync(buffer.AsMemory(0, n), ct);
        }
    }

    private static ExtractResult Fail(string root, string error)
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        return new ExtractResult(0, 0, [], error);
    }

    private static string Show(string name) => name.Length <= 120 ? name : name[..120] + "…";
}
