using Catalog.Crawler.Launch;
using Catalog.Data.Model;

namespace Catalog.Crawler.Sources;

/// <summary>One server a source found, with how to start it.</summary>
public sealed record SourceRecord(Server Server, LaunchSpec Launch);

/// <summary>A problem in a source document that skipped one entry; <paramref name="Where"/> names the place.</summary>
public sealed record SourceError(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>What a source read: the good records and, beside them, what it had to skip.</summary>
public sealed record SourceResult(IReadOnlyList<SourceRecord> Records, IReadOnlyList<SourceError> Errors);
