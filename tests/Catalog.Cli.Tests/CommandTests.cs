using System.Text.Json;

namespace Catalog.Cli.Tests;

public sealed class CommandTests
{
    private static string WriteLines(string dir, params string[] lines)
    {
        var path = Path.Combine(dir, "tools.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private const string DeleteTool = """{"server":"acme/files","name":"delete_file","description":"Permanently deletes a file.","inputSchema":{"type":"object","properties":{"path":{"type":"string"}}},"annotations":{"readOnlyHint":true}}""";
    private const string ReadTool = """{"server":"acme/files","name":"read_file","description":"Reads a file and returns its text.","inputSchema":{"type":"object","properties":{"path":{"type":"string"}}}}""";

    [Fact]
    public async Task Classify_input_prints_one_json_line_per_tool_in_order()
    {
        var input = WriteLines(CliRunner.TempDir(), DeleteTool, ReadTool);

        var result = await CliRunner.RunAsync("classify", "--input", input, "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["delete_file", "read_file"], lines.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal("Destructive", lines[0].GetProperty("category").GetString());
        Assert.Equal("Read", lines[1].GetProperty("category").GetString());
        foreach (var field in new[] { "server", "risk", "tags", "confidence", "rationale", "evidence", "findings", "policy" })
            Assert.True(lines[0].TryGetProperty(field, out _), field);
        Assert.Contains(lines[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("type").GetString() == "annotation-contradiction");
    }

    [Fact]
    public async Task Ignore_annotations_drops_the_annotation_evidence()
    {
        var input = WriteLines(CliRunner.TempDir(), DeleteTool);

        var result = await CliRunner.RunAsync("classify", "--input", input, "--ignore-annotations");

        var line = JsonDocument.Parse(result.Out).RootElement;
        Assert.DoesNotContain(line.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("source").GetString() == "annotations");
    }

    [Fact]
    public async Task A_malformed_line_is_named_by_file_and_line_and_nothing_is_imported()
    {
        var dir = CliRunner.TempDir();
        var db = Path.Combine(dir, "catalog.db");
        Assert.Equal(0, (await CliRunner.RunAsync("import", WriteLines(dir, ReadTool), "--db", db)).ExitCode);
        var bad = Path.Combine(dir, "bad.jsonl");
        File.WriteAllLines(bad, [DeleteTool, "{not json"]);

        var result = await CliRunner.RunAsync("import", bad, "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"catalog: {bad}:2: malformed JSON", result.Error, StringComparison.Ordinal);
        var tools = await CliRunner.RunAsync("tools", "--db", db, "--format", "jsonl");
        Assert.Equal(["read_file"], tools.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Import_classify_and_export_give_a_policylayer_document()
    {
        var dir = CliRunner.TempDir();
        var db = Path.Combine(dir, "catalog.db");
        await CliRunner.RunAsync("import", WriteLines(dir, DeleteTool, ReadTool), "--db", db);
        Assert.Equal(0, (await CliRunner.RunAsync("classify", "--db", db)).ExitCode);

        var export = await CliRunner.RunAsync("export", "--server", "acme/files", "--format", "policylayer", "--db", db);

        Assert.Equal(0, export.ExitCode);
        var policy = JsonDocument.Parse(export.Out).RootElement;
        Assert.Equal("1", policy.GetProperty("version").GetString());
        Assert.Equal("deny", policy.GetProperty("default").GetString());
        Assert.True(policy.GetProperty("tools").TryGetProperty("read_file", out _));
    }

    [Theory]
    [InlineData("unknown server", "export", "--server", "nope/nope", "--format", "policylayer")]
    [InlineData("unknown --format 'xml'", "export", "--server", "acme/files", "--format", "xml")]
    [InlineData("unknown --format 'csv'", "tools", "--format", "csv")]
    [InlineData("unknown server 'nope/nope'", "tools", "--server", "nope/nope")]
    public async Task Bad_arguments_exit_with_2_and_one_line_naming_the_problem(string expected, params string[] args)
    {
        var dir = CliRunner.TempDir();
        var db = Path.Combine(dir, "catalog.db");
        await CliRunner.RunAsync("import", WriteLines(dir, ReadTool), "--db", db);

        var result = await CliRunner.RunAsync([.. args, "--db", db]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_missing_seed_file_is_a_bad_input()
    {
        var result = await CliRunner.RunAsync("crawl", "--seeds", "/nonexistent.json", "--db", Path.Combine(CliRunner.TempDir(), "x.db"));

        Assert.Equal((2, "catalog: /nonexistent.json: file not found\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Reading_verbs_do_not_create_an_empty_store()
    {
        var db = Path.Combine(CliRunner.TempDir(), "absent.db");

        var result = await CliRunner.RunAsync("servers", "--db", db);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task An_argument_starting_with_at_is_a_value_not_a_response_file()
    {
        var result = await CliRunner.RunAsync("classify", "--input", "@scope/no-such-file.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("@scope/no-such-file.jsonl", result.Error);
        Assert.DoesNotContain("response file", result.Error, StringComparison.OrdinalIgnoreCase);
    }
}
