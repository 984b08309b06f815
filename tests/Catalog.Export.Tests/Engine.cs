using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catalog.Export.Tests;

/// <summary>One call of <c>tests/policy-engines/check.mjs</c>: the format's real engine over a file and a request table.</summary>
internal sealed record EngineResult(bool Ok, IReadOnlyList<string> Errors, IReadOnlyList<(string Server, string Tool, JsonObject? Args, string Decision)> Decisions, JsonArray RateLimits, JsonNode? Document)
{
    public string DecisionFor(string server, string tool, string? argsJson = null) =>
        Decisions.Single(d => d.Server == server && d.Tool == tool && (argsJson is null || JsonNode.DeepEquals(d.Args, JsonNode.Parse(argsJson)))).Decision;
}

internal sealed record Request(string Server, string Tool, object? Args = null);

internal static class Engine
{
    public static EngineResult Check(string format, string content, IEnumerable<Request> requests)
    {
        var modules = Path.Combine(Repo.Engines, "node_modules");
        Assert.True(Directory.Exists(modules), $"run 'npm ci --ignore-scripts' in {Repo.Engines} (./test.sh does)");
        var dir = Directory.CreateTempSubdirectory("export-check-");
        try
        {
            var file = Path.Combine(dir.FullName, "policy");
            File.WriteAllText(file, content);
            var table = Path.Combine(dir.FullName, "requests.json");
            File.WriteAllText(table, JsonSerializer.Serialize(requests.Select(r => new { server = r.Server, tool = r.Tool, args = r.Args ?? new { } })));
            var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Engines };
            foreach (var a in new[] { Path.Combine(Repo.Engines, "check.mjs"), format, file, table, Repo.Schemas ?? "" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            var json = JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException("check.mjs printed nothing: " + stderr);
            var decisions = (json["decisions"]?.AsArray() ?? []).Select(d => (
                (string)d!["server"]!, (string)d["tool"]!, d["args"] as JsonObject, (string)d["decision"]!)).ToList();
            return new EngineResult((bool)json["ok"]!, (json["errors"]?.AsArray() ?? []).Select(e => (string)e!).ToList(), decisions,
                json["rateLimits"]?.AsArray() ?? [], json["document"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
