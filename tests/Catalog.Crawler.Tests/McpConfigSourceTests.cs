using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;

namespace Catalog.Crawler.Tests;

public sealed class McpConfigSourceTests
{
    private static SourceResult ReadJson(string json)
    {
        var path = Path.Combine(TestPaths.TempDir(), "claude_desktop_config.json");
        File.WriteAllText(path, json);
        return McpConfigSource.Read(path);
    }

    [Fact]
    public void Pinned_npx_entry_becomes_an_npm_package_with_its_arguments_and_env()
    {
        var result = ReadJson("""
            { "mcpServers": { "files": { "command": "npx", "args": ["-y", "@acme/files-mcp@1.2.3", "/data"], "env": { "TOKEN": "secret-value" } } } }
            """);

        var record = Assert.Single(result.Records);
        Assert.Equal("npm:@acme/files-mcp", record.Server.Id);
        var npm = Assert.IsType<NpmLaunch>(record.Launch);
        Assert.Equal(["/data"], npm.Arguments);
        Assert.Equal("secret-value", npm.Environment["TOKEN"]);
    }

    [Fact]
    public void Env_values_are_not_kept_in_the_stored_document()
    {
        var result = ReadJson("""{ "mcpServers": { "x": { "command": "node", "args": ["server.js"], "env": { "TOKEN": "secret-value" } } } }""");

        var record = Assert.Single(result.Records);
        Assert.DoesNotContain("secret-value", record.Server.Document, StringComparison.Ordinal);
        Assert.Contains("[redacted]", record.Server.Document, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpinned_npx_entry_is_kept_but_not_started()
    {
        var result = ReadJson("""{ "mcpServers": { "mem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } }""");

        var launch = Assert.IsType<NoLaunch>(Assert.Single(result.Records).Launch);
        Assert.Contains("no exact version", launch.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_commands_run_as_given()
    {
        var result = ReadJson("""{ "mcpServers": { "local": { "command": "node", "args": ["/opt/srv/index.js", "--flag"] } } }""");

        var launch = Assert.IsType<CommandLaunch>(Assert.Single(result.Records).Launch);
        Assert.Equal(("node", "local/local"), (launch.Command, Assert.Single(result.Records).Server.Id));
        Assert.Equal(["/opt/srv/index.js", "--flag"], launch.Arguments);
    }

    [Fact]
    public void Entries_without_command_or_url_are_reported()
    {
        var result = ReadJson("""{ "mcpServers": { "broken": { "args": [] }, "bad key!": { "command": "node" } } }""");

        Assert.Empty(result.Records);
        Assert.Equal(2, result.Errors.Count);
    }
}
