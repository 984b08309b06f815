namespace Catalog.Data.Model;

public sealed record CrawlRun(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Sources);

/// <summary>One try at one server in one run. A failure is a value, not an exception.</summary>
public sealed record CrawlAttempt(
    long RunId,
    string ServerId,
    AttemptStatus Status,
    string? Error,
    long DurationMs,
    int ToolCount,
    Provenance Provenance,
    DateTimeOffset At);

/// <summary>A server's tool list as one attempt obtained it.</summary>
public sealed record IntrospectionResult(
    AttemptStatus Status,
    string? Error,
    IReadOnlyList<ToolDefinition> Tools,
    string? ServerName,
    string? ServerVersion,
    Provenance Provenance,
    long DurationMs);
