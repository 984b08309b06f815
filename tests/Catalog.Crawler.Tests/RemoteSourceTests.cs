using System.Text.Json;
using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;
using Catalog.Data.Model;

namespace Catalog.Crawler.Tests;

/// <summary>server.json <c>remotes[]</c> and client-config <c>url</c> entries become remote launches.</summary>
public sealed class RemoteSourceTests
{
    private static LaunchSpec Seed(string remotes)
    {
        using var doc = JsonDocument.Parse($$"""{ "name": "com.example/remote", "remotes": {{remotes}} }""");
        var (record, error) = SeedFileSource.Parse(doc.RootElement, "test");
        Assert.Null(error);
        return record!.Launch;
    }

    private static LaunchSpec Config(string entry)
    {
        var path = Path.Combine(TestPaths.TempDir(), "mcp.json");
        File.WriteAllText(path, $$"""{ "mcpServers": { "remote": {{entry}} } }""");
        return Assert.Single(McpConfigSource.Read(path).Records).Launch;
    }

    [Fact]
    public void Streamable_http_is_preferred_over_sse()
    {
        var launch = Assert.IsType<RemoteLaunch>(Seed("""
            [{ "type": "sse", "url": "https://example.com/sse" }, { "type": "streamable-http", "url": "https://example.com/mcp" }]
            """));

        Assert.Equal((RemoteTransport.StreamableHttp, "https://example.com/mcp"), (launch.Transport, launch.Url.AbsoluteUri));
    }

    [Fact]
    public void Url_variables_take_their_default_and_secret_headers_a_placeholder()
    {
        var launch = Assert.IsType<RemoteLaunch>(Seed("""
            [{ "type": "streamable-http", "url": "https://{region}.example.com/mcp",
               "variables": { "region": { "default": "eu", "choices": ["eu", "us"] } },
               "headers": [{ "name": "Authorization", "value": "Bearer {token}", "isRequired": true, "isSecret": true },
                           { "name": "X-Api-Version", "value": "2025-06-18" },
                           { "name": "Bad Header", "value": "x" }] }]
            """));

        Assert.Equal("https://eu.example.com/mcp", launch.Url.AbsoluteUri);
        Assert.Equal("Bearer placeholder-Authorization", launch.Headers["Authorization"]);
        Assert.Equal("2025-06-18", launch.Headers["X-Api-Version"]);
        Assert.Equal(2, launch.Headers.Count);
    }

    [Fact]
    public void A_url_that_needs_the_users_value_is_kept_but_not_started()
    {
        var launch = Assert.IsType<NoLaunch>(Seed("""[{ "type": "streamable-http", "url": "https://{tenant}.example.com/mcp" }]"""));

        Assert.Equal("remote URL needs the user's value for 'tenant'", launch.Reason);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "remote URL scheme 'file' is not http or https")]
    [InlineData("javascript:alert(1)", "remote URL scheme 'javascript' is not http or https")]
    [InlineData("example.com/mcp", "remote URL 'example.com/mcp' is not an absolute URL")]
    public void A_remote_url_that_is_not_http_is_refused(string url, string reason)
    {
        var launch = Assert.IsType<NoLaunch>(Seed($$"""[{ "type": "streamable-http", "url": "{{url}}" }]"""));

        Assert.Equal(reason, launch.Reason);
    }

    [Fact]
    public void A_config_url_entry_is_a_remote_that_may_be_local_with_its_headers()
    {
        var launch = Assert.IsType<RemoteLaunch>(Config("""
            { "type": "sse", "url": "http://localhost:3001/sse", "headers": { "X-Token": "real-secret", "Authorization": "Bearer ${input:token}" } }
            """));

        Assert.Equal((RemoteTransport.Sse, true), (launch.Transport, launch.AllowPrivateNetwork));
        Assert.Equal("real-secret", launch.Headers["X-Token"]);
        Assert.Equal("Bearer placeholder-Authorization", launch.Headers["Authorization"]);
    }

    [Fact]
    public void A_config_url_without_a_type_is_auto_detected()
    {
        var launch = Assert.IsType<RemoteLaunch>(Config("""{ "url": "https://mcp.example.com/mcp" }"""));

        Assert.Equal(RemoteTransport.AutoDetect, launch.Transport);
    }

    [Fact]
    public void Merging_prefers_a_remote_over_a_source_that_cannot_start_the_server()
    {
        SourcedRecord Record(string source, LaunchSpec launch) => new(source, "acme/files", "active",
            new SourceRecord(new Server("acme/files", "acme/files", null, null, null, "https://github.com/acme/files", null, [], source, "{}"), launch));
        var remote = new RemoteLaunch(new Uri("https://mcp.acme.example/mcp"), RemoteTransport.StreamableHttp, new Dictionary<string, string>());

        var merged = SourceMerger.Merge([
            new SourceRead("registry", [Record("registry", new NoLaunch("no npm stdio package"))], [], new Dictionary<string, string>()),
            new SourceRead("seed", [Record("seed", remote)], [], new Dictionary<string, string>()),
        ]);

        Assert.Same(remote, Assert.Single(merged).Record.Launch);
    }
}
