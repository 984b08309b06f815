using System.Text;
using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Views;

namespace Catalog.Site.Search;

/// <summary>
/// The filters as posting lists, so a filter without a query needs no tool rows: <c>api/search/facets/NAME.json</c>
/// is one JSON string of <see cref="Postings"/>, for <c>category-read|write|destructive</c>,
/// <c>risk-low|medium|high|critical</c>, <c>tag-TAG</c> per known tag and <c>findings</c> (tools with at least one);
/// <c>findings-counts</c> holds those tools' counts in the same order (plain numbers), for sorting by findings.
/// Unclassified tools are in no category or class list. The server filter needs no file: a server's tools are one
/// run of ids (see <c>meta.json</c>). Each list streams to a scratch file as the tools pass.
/// </summary>
public sealed class FacetFiles : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SiteWriter _writer;
    private readonly SortedDictionary<string, (StreamWriter File, Postings Ids)> _lists = new(StringComparer.Ordinal);
    private readonly StreamWriter _counts;

    public FacetFiles(SiteWriter writer)
    {
        _writer = writer;
        var names = Enum.GetValues<Category>().Select(c => "category-" + SitePaths.Lower(c))
            .Concat(Enum.GetValues<RiskClass>().Select(r => "risk-" + SitePaths.Lower(r)))
            .Concat(CapabilityTags.All.Select(t => "tag-" + t))
            .Append("findings");
        foreach (var name in names)
        {
            var file = Open(name);
            _lists[name] = (file, new Postings(file));
        }
        _counts = Open("findings-counts");
    }

    public void Add(int id, ToolSummary tool)
    {
        if (tool.Category is { } c) Add("category-" + SitePaths.Lower(c), id);
        if (tool.Risk is { } r) Add("risk-" + SitePaths.Lower(r), id);
        foreach (var tag in tool.Tags.Where(CapabilityTags.IsKnown).Distinct(StringComparer.Ordinal)) Add("tag-" + tag, id);
        if (tool.Findings <= 0) return;
        Add("findings", id);
        Postings.Write(_counts, tool.Findings);
    }

    /// <summary>Closes every list and publishes it.</summary>
    public void Finish(SearchFiles files)
    {
        foreach (var (name, file) in _lists.Select(l => (l.Key, l.Value.File)).Append(("findings-counts", _counts)))
        {
            file.Write('"');
            file.Dispose();
            files.WriteFile(SitePaths.SearchFacet(name), _writer.ScratchFile("facet-" + name));
        }
    }

    public void Dispose()
    {
        foreach (var (file, _) in _lists.Values) file.Dispose();
        _counts.Dispose();
    }

    private void Add(string name, int id) => _lists[name].Ids.Add(id);

    private StreamWriter Open(string name)
    {
        var file = new StreamWriter(_writer.ScratchFile("facet-" + name), false, Utf8);
        file.Write('"');
        return file;
    }
}
