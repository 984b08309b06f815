using System.Text;
using Catalog.Crawler.Introspection;
using Catalog.Crawler.Sources;
using Catalog.Data;
using Catalog.Data.Io;

namespace Catalog.Adversarial.Tests;

/// <summary>
/// Random-mutation fuzzing of every parser that reads outside input: each mutated document must give a value or an
/// <see cref="InputException"/>, never another exception, and must finish. CATALOG_FUZZ_CASES raises the count
/// (100,000 per parser locally); CI runs the default.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CATALOG_FUZZ_CASES"), out var n) ? n : 1500;

    private const string SeedDocument = """
        [{ "name": "io.github.acme/files", "description": "Files", "version": "1.2.3",
           "repository": { "url": "https://github.com/acme/files", "source": "github" },
           "packages": [{ "registryType": "npm", "identifier": "@acme/files-mcp", "version": "1.2.3", "transport": { "type": "stdio" },
             "packageArguments": [{ "type": "positional", "value": "/tmp" }, { "type": "named", "name": "--mode", "value": "ro" }],
             "environmentVariables": [{ "name": "ACME_TOKEN", "isRequired": true, "isSecret": true }] }],
           "remotes": [{ "type": "streamable-http", "url": "https://{host}/mcp" }] }]
        """;

    private const string ConfigDocument = """
        { "mcpServers": { "files": { "command": "npx", "args": ["-y", "@acme/files-mcp@1.2.3", "/data"], "env": { "TOKEN": "x" } },
                          "local": { "command": "node", "args": ["/opt/x.js"] }, "remote": { "url": "https://example.com/mcp" } } }
        """;

    private const string ToolLine = """{"server":"acme/files","name":"delete_file","title":"Delete","description":"Deletes a file.","inputSchema":{"type":"object","properties":{"path":{"type":"string","enum":["a","b"]}},"required":["path"]},"annotations":{"readOnlyHint":false,"destructiveHint":true}}""";

    [Fact]
    public void Seed_file_parser_survives_mutated_documents() =>
        Fuzz(SeedDocument, 1, path => SeedFileSource.Read(path));

    [Fact]
    public void Mcp_config_parser_survives_mutated_documents() =>
        Fuzz(ConfigDocument, 2, path => McpConfigSource.Read(path));

    [Fact]
    public void Tool_line_parser_survives_mutated_lines() =>
        Fuzz(ToolLine, 3, path => ToolLines.ReadFile(path));

    [Fact]
    public void Stdout_filter_survives_mutated_messages()
    {
        var random = new Random(4);
        var message = """{"jsonrpc":"2.0","id":7,"result":{"tools":[""" + ToolLine + "]}}\n";
        for (var i = 0; i < Cases; i++)
        {
            var bytes = Mutate(Encoding.UTF8.GetBytes(message), random);
            using var filter = new JsonLineFilter(new MemoryStream(bytes), 16);
            var output = new MemoryStream();
            filter.CopyTo(output);
            Assert.True(output.Length <= bytes.Length + 256, "the filter must not grow a message by more than an error envelope");
        }
    }

    private const string AwesomeList = """
        # Awesome MCP Servers
        ## Server Implementations
        ### 📂 <a name="file-systems"></a>File Systems
        - [acme/files](https://github.com/acme/files) 📇 🏠 🍎 🪟 - Read and write files
        * **[acme/db](https://github.com/acme/db/tree/main/server)** 🐍 ☁️/🏠 – Query a database [![badge](https://img.shields.io/x)](https://x)
        - [weird](javascript:alert(1)) - not a link
        ## Frameworks
        - [fw/kit](https://github.com/fw/kit) - skipped
        """;

    private const string HtmlDirectory = """
        <html><body><h2>Databases</h2><ul>
        <li><a href="https://github.com/acme/db">acme/db</a> <script>alert(1)</script> Query it</li>
        <li><a href="/package/@acme/files-mcp">files</a> <a href="javascript:alert(1)">x</a></li>
        <tr><td><a href="https://www.npmjs.com/package/left-pad">left-pad</a></td><td>pads</td></tr>
        </ul><template><a href="https://github.com/evil/hidden">hidden</a></template></body></html>
        """;

    private const string GitHubItems = """
        [{"full_name":"acme/files","name":"files","owner":{"login":"acme"},"html_url":"https://github.com/acme/files",
          "description":"Files","stargazers_count":12,"license":{"spdx_id":"MIT"},"archived":false,"default_branch":"main",
          "pushed_at":"2026-10-01T00:00:00Z","size":120,"topics":["mcp-server"]},
         {"full_name":"../etc","stargazers_count":"many"}]
        """;

    [Fact]
    public void Awesome_list_parser_survives_mutated_markdown() =>
        Fuzz(AwesomeList, 5, path => AwesomeListParser.Parse(File.ReadAllText(path), "fuzz.md"));

    [Fact]
    public void Html_directory_parser_survives_mutated_pages() =>
        Fuzz(HtmlDirectory, 6, path =>
        {
            var page = new Uri("https://directory.example/servers");
            foreach (var entry in HtmlDirectorySource.Parse(File.ReadAllText(path), page))
            {
                Assert.True(entry.Url.StartsWith("https://", StringComparison.Ordinal) || entry.Url.StartsWith("http://", StringComparison.Ordinal), entry.Url);
                HtmlDirectorySource.ToRecord(entry, page);
            }
        });

    [Fact]
    public void GitHub_item_reader_survives_mutated_search_items() =>
        Fuzz(GitHubItems, 7, path =>
        {
            System.Text.Json.JsonDocument document;
            try
            {
                document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
            }
            catch (System.Text.Json.JsonException)
            {
                return; // The client rejects a body that is not JSON before any item is read.
            }
            using (document)
            {
                if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Array) return;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    var (repo, error) = GitHubClient.Item(item);
                    Assert.True(repo is null != (error is null));
                    if (repo is not null) Assert.True(GitHubClient.IsValid(repo));
                }
            }
        });

    private static void Fuzz(string seed, int randomSeed, Action<string> parse)
    {
        var random = new Random(randomSeed);
        var path = Path.Combine(Directory.CreateTempSubdirectory("catalog-fuzz-").FullName, "input.json");
        var original = Encoding.UTF8.GetBytes(seed);
        for (var i = 0; i < Cases; i++)
        {
            var mutated = Mutate(original, random);
            File.WriteAllBytes(path, mutated);
            try
            {
                parse(path);
            }
            catch (InputException)
            {
                // A clear, expected rejection.
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {i}: {ex.GetType().Name}: {ex.Message}\ninput: {Encoding.UTF8.GetString(mutated)}");
            }
        }
    }

    /// <summary>A few random edits: flipped bytes, deleted or duplicated spans, inserted JSON punctuation.</summary>
    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var edits = 1 + random.Next(6);
        byte[] tokens = "{}[]\",:\\0-e.tfn \u0000\n"u8.ToArray();
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16))); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + random.Next(32)))); break;
                case 3: bytes.Insert(at, tokens[random.Next(tokens.Length)]); break;
                default: bytes.InsertRange(at, Enumerable.Repeat((byte)'[', random.Next(2000))); break;
            }
        }
        return [.. bytes];
    }
}
