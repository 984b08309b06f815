using Catalog.Crawler.Launch;
using Catalog.Crawler.Sources;
using Catalog.Data;

namespace Catalog.Crawler.Tests;

public sealed class SeedFileSourceTests
{
    private static SourceResult ReadJson(string json)
    {
        var path = Path.Combine(TestPaths.TempDir(), "seeds.json");
        File.WriteAllText(path, json);
        return SeedFileSource.Read(path);
    }

    [Fact]
    public void Npm_stdio_package_becomes_an_npm_launch_with_arguments_and_placeholder_secrets()
    {
        var result = ReadJson("""
            [{ "name": "io.github.acme/files", "description": "Files", "version": "1.2.3",
               "repository": { "url": "https://github.com/acme/files", "source": "github" },
               "packages": [{ "registryType": "npm", "identifier": "@acme/files-mcp", "version": "1.2.3",
                 "transport": { "type": "stdio" },
                 "packageArguments": [{ "type": "positional", "value": "/tmp" }, { "type": "named", "name": "--mode", "value": "ro" }],
                 "environmentVariables": [
                   { "name": "ACME_TOKEN", "isRequired": true, "isSecret": true },
                   { "name": "ACME_REGION", "default": "eu" },
                   { "name": "ACME_OPTIONAL" } ] }] }]
            """);

        var record = Assert.Single(result.Records);
        Assert.Empty(result.Errors);
        Assert.Equal("io.github.acme/files", record.Server.Id);
        Assert.Equal("https://github.com/acme/files", record.Server.RepositoryUrl);
        var npm = Assert.IsType<NpmLaunch>(record.Launch);
        Assert.Equal(("@acme/files-mcp", "1.2.3"), (npm.Package, npm.Version));
        Assert.Equal(["/tmp", "--mode", "ro"], npm.Arguments);
        Assert.Equal("placeholder-ACME_TOKEN", npm.Environment["ACME_TOKEN"]);
        Assert.Equal("eu", npm.Environment["ACME_REGION"]);
        Assert.False(npm.Environment.ContainsKey("ACME_OPTIONAL"));
    }

    [Fact]
    public void Old_snake_case_documents_are_read_too()
    {
        var result = ReadJson("""
            [{ "name": "io.github.acme/old", "description": "Old", "version": "0.1.0",
               "packages": [{ "registry_name": "npm", "name": "old-mcp", "version": "0.1.0",
                 "environment_variables": [{ "name": "OLD_KEY", "is_required": true }] }] }]
            """);

        var npm = Assert.IsType<NpmLaunch>(Assert.Single(result.Records).Launch);
        Assert.Equal("old-mcp", npm.Package);
        Assert.Equal("placeholder-OLD_KEY", npm.Environment["OLD_KEY"]);
    }

    [Fact]
    public void Bad_entries_are_reported_with_their_place_and_good_ones_are_kept()
    {
        var result = ReadJson("""
            [ 42,
              { "description": "no name" },
              { "name": "not a valid name" },
              { "name": "io.github.acme/bad-version", "packages": [{ "registryType": "npm", "identifier": "x", "version": "^1.0.0" }] },
              { "name": "io.github.acme/evil", "packages": [{ "registryType": "npm", "identifier": "x; rm -rf /", "version": "1.0.0" }] },
              { "name": "io.github.acme/good", "packages": [{ "registryType": "npm", "identifier": "good-mcp", "version": "1.0.0" }] },
              { "name": "io.github.acme/good", "packages": [] } ]
            """);

        Assert.Equal("io.github.acme/good", Assert.Single(result.Records).Server.Id);
        Assert.Equal(
            ["seeds.json[0]: not a JSON object", "seeds.json[1]: missing required field 'name'", "seeds.json[2]: invalid server name 'not a valid name'",
             "seeds.json[3]: invalid npm package 'x@^1.0.0'", "seeds.json[4]: invalid npm package 'x; rm -rf /@1.0.0'",
             "seeds.json[6]: duplicate server name 'io.github.acme/good'"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_remote_only_server_is_introspected_over_http()
    {
        var result = ReadJson("""[{ "name": "com.example/remote", "remotes": [{ "type": "streamable-http", "url": "https://example.com/mcp" }] }]""");

        var remote = Assert.IsType<RemoteLaunch>(Assert.Single(result.Records).Launch);
        Assert.Equal(new Uri("https://example.com/mcp"), remote.Url);
        Assert.False(remote.AllowPrivateNetwork);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var ex = Assert.Throws<InputException>(() => ReadJson("[\n{ \"name\": \"a/b\",\n  oops }\n]"));

        Assert.Matches(@"seeds\.json: malformed JSON at line 3", ex.Message);
    }

    [Fact]
    public void A_missing_file_is_an_input_error()
    {
        var ex = Assert.Throws<InputException>(() => SeedFileSource.Read("/nonexistent/seeds.json"));

        Assert.Equal("/nonexistent/seeds.json: file not found", ex.Message);
    }

    [Fact]
    public void The_default_seed_list_parses_without_errors_and_has_forty_npm_servers()
    {
        var result = SeedFileSource.Read(Path.Combine(TestPaths.Root, "data", "seed", "servers.json"));

        Assert.Empty(result.Errors);
        Assert.True(result.Records.Count(r => r.Launch is NpmLaunch) >= 40, $"only {result.Records.Count} servers");
    }
}
