namespace Catalog.Crawler.Introspection;

/// <summary>How long and how much one server may take.</summary>
public sealed record IntrospectionLimits
{
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(120);
    public long MaxStdoutBytes { get; init; } = 64L * 1024 * 1024;
    public int MaxTools { get; init; } = 5000;
    public int MaxPages { get; init; } = 200;
    public int MaxDescriptionChars { get; init; } = 32 * 1024;
    public int MaxSchemaBytes { get; init; } = 256 * 1024;
    /// <summary>Nesting beyond this is no real schema; the store's JSON limit is well above it.</summary>
    public int MaxSchemaDepth { get; init; } = 48;
}
