namespace Catalog.Site.Build;

/// <summary>The HTML pages of a run, in generation order, spilled to a scratch file for the sitemap.</summary>
public sealed class PageList : IDisposable
{
    private readonly string _file;
    private readonly StreamWriter _writer;

    public PageList(string file)
    {
        _file = file;
        _writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
    }

    public int Count { get; private set; }

    public void Add(string path)
    {
        _writer.WriteLine(path);
        Count++;
    }

    /// <summary>Closes the list and returns its file, one path per line.</summary>
    public string Finish()
    {
        _writer.Flush();
        _writer.Dispose();
        return _file;
    }

    public void Dispose() => _writer.Dispose();
}
