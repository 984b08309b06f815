using Catalog.Crawler.Http;
using Catalog.Data.Store;

namespace Catalog.Crawler.Tests;

internal static class TestHttp
{
    /// <summary>Fast backoff so failure-mode tests take milliseconds.</summary>
    public static HttpFetchOptions Fast { get; } = new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        SecondaryLimitDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static HttpFetcher Fetcher(CatalogStore? store = null, HttpFetchOptions? options = null) =>
        new(new HttpClient(), options ?? Fast, store);

    public static CatalogStore Store() => CatalogStore.Open(Path.Combine(TestPaths.TempDir(), "catalog.db"));
}
