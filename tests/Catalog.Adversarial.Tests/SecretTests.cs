using System.Text;
using Catalog.Crawler;
using Catalog.Crawler.Sources;
using Catalog.Data.Store;

namespace Catalog.Adversarial.Tests;

public sealed class SecretTests
{
    [Fact]
    public async Task Secret_values_from_a_client_config_reach_the_server_but_never_the_store()
    {
        const string secret = "sk-live-4f9c2e7a1b";
        var dir = Directory.CreateTempSubdirectory("catalog-secret-").FullName;
        var script = Path.Combine(AppContext.BaseDirectory, "servers", "hostile.js");
        var config = Path.Combine(dir, "mcp.json");
        File.WriteAllText(config, $$"""{ "mcpServers": { "svc": { "command": "node", "args": ["{{script}}", "ok"], "env": { "SERVICE_TOKEN": "{{secret}}" } } } }""");
        var db = Path.Combine(dir, "catalog.db");

        using (var store = CatalogStore.Open(db))
        {
            var summary = await new ServerCrawler(store, new CrawlOptions { CacheDirectory = Path.Combine(dir, "cache") })
                .RunAsync(McpConfigSource.Read(config), "secret-test", null, CancellationToken.None);
            Assert.Equal(1, summary.Ok);
        }

        foreach (var file in Directory.EnumerateFiles(dir, "catalog.db*"))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(Encoding.UTF8.GetString(bytes).Contains(secret, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds the secret");
        }
        Directory.Delete(dir, recursive: true);
    }
}
