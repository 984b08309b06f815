namespace Catalog.Data.Model;

/// <summary>
/// A current tool as the site reads it: raw stored text, so the generator can hash a page's inputs and skip the page
/// without parsing anything when nothing changed.
/// </summary>
/// <param name="Listing">What a list of tools shows of the classification (category, class, tags, findings) as one
/// text, computed by the query; null when the tool is not classified.</param>
public sealed record SiteToolRow(
    string ServerId,
    string Name,
    string Hash,
    string Provenance,
    string FirstSeen,
    string LastSeen,
    string Definition,
    string? Classification,
    string? Category,
    string? Policy,
    string? Listing);

/// <summary>One stored version of one tool, for the history section; the definition is loaded only for tools with more than one version.</summary>
public sealed record SiteToolVersion(string ToolName, string Hash, string? Definition, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>A light row per current tool for the whole-catalog pre-pass (similar tools): no JSON is read.</summary>
public sealed record SiteToolKey(string ServerId, string Name, string? Category);
