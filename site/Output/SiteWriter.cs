using System.Text;

namespace Catalog.Site.Output;

/// <summary>
/// Writes the site into one directory, touching a file only when its bytes change, and removes files a previous run
/// wrote that this run did not (it remembers them in a manifest, so it never deletes anything it did not write).
/// </summary>
public sealed class SiteWriter
{
    public const string ManifestName = ".site-manifest";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _root;
    private readonly SortedSet<string> _written = new(StringComparer.Ordinal);

    public SiteWriter(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public int FilesWritten { get; private set; }

    public int FilesUnchanged { get; private set; }

    public int FilesDeleted { get; private set; }

    public void Write(string relativePath, string content) => Write(relativePath, Utf8.GetBytes(content));

    public void Write(string relativePath, byte[] content)
    {
        var full = Resolve(relativePath);
        if (!_written.Add(relativePath)) throw new InvalidOperationException($"Two outputs share the path {relativePath}.");
        if (File.Exists(full) && File.ReadAllBytes(full).AsSpan().SequenceEqual(content))
        {
            FilesUnchanged++;
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllBytes(temp, content);
        File.Move(temp, full, overwrite: true);
        FilesWritten++;
    }

    /// <summary>Deletes what the last run wrote and this one did not, then records this run's files.</summary>
    public void Finish()
    {
        var manifest = Path.Combine(_root, ManifestName);
        if (File.Exists(manifest))
        {
            foreach (var line in File.ReadAllLines(manifest))
            {
                if (line.Length == 0 || _written.Contains(line)) continue;
                string full;
                try
                {
                    full = Resolve(line);
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
        var text = string.Join('\n', _written) + "\n";
        if (!File.Exists(manifest) || File.ReadAllText(manifest) != text) File.WriteAllText(manifest, text, Utf8);
    }

    private string Resolve(string relativePath)
    {
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Split('/').Any(p => p is "" or "." or ".."))
            throw new ArgumentException($"Not a safe relative path: {relativePath}", nameof(relativePath));
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Path escapes the site: {relativePath}", nameof(relativePath));
        return full;
    }
}
