using System.Text.Json;
using Catalog.Data.Model;

namespace Catalog.Classifier.Benchmark;

/// <summary>
/// Deterministic synthetic tool definitions for the throughput benchmark: names, descriptions and schemas composed
/// from small word lists with a fixed seed, shaped like real tool lists (verb_noun names, a sentence or three,
/// a few typed parameters, sometimes an action enum).
/// </summary>
public static class SyntheticTools
{
    private static readonly string[] Verbs =
        ["get", "list", "search", "create", "update", "delete", "send", "run", "fetch", "remove", "add", "set", "query", "upload", "move", "cancel", "describe", "execute"];
    private static readonly string[] Nouns =
        ["issue", "file", "record", "user", "message", "branch", "invoice", "table", "page", "document", "channel", "payment", "key", "task", "container", "event"];
    private static readonly string[] Openings =
        ["Returns", "Creates a new", "Deletes the", "Lists every", "Updates fields of the", "Sends a", "Runs the given", "Fetches one", "Searches for a"];
    private static readonly string[] Tails =
        ["in the workspace.", "for the current project.", "by its identifier.", "and returns the result as JSON.",
         "Use it when the user asks about recent activity.", "Requires an API token with write scope.", "Supports pagination with a cursor."];
    private static readonly string[] Params = ["id", "path", "content", "query", "limit", "name", "force", "recursive", "amount", "to", "body", "cursor"];

    public static IReadOnlyList<ToolInput> Generate(int count, int seed = 20261101)
    {
        var random = new Random(seed);
        var tools = new List<ToolInput>(count);
        for (var i = 0; i < count; i++)
        {
            var verb = Verbs[random.Next(Verbs.Length)];
            var noun = Nouns[random.Next(Nouns.Length)];
            var name = random.Next(3) == 0 ? $"{verb}{char.ToUpperInvariant(noun[0])}{noun[1..]}s" : $"{verb}_{noun}";
            var description = $"{Openings[random.Next(Openings.Length)]} {noun} {Tails[random.Next(Tails.Length)]}";
            if (random.Next(2) == 0) description += " " + Tails[random.Next(Tails.Length)];
            var schema = Schema(random, verb);
            tools.Add(new ToolInput($"bench-server-{i % 500}", new ToolDefinition(name, null, description, schema, null)));
        }
        return tools;
    }

    private static JsonElement Schema(Random random, string verb)
    {
        var props = new List<string>();
        var n = 1 + random.Next(4);
        for (var j = 0; j < n; j++)
        {
            var p = Params[random.Next(Params.Length)];
            if (props.Exists(x => x.StartsWith($"\"{p}\"", StringComparison.Ordinal))) continue;
            var type = p is "force" or "recursive" ? "boolean" : p is "limit" or "amount" ? "number" : "string";
            props.Add($"\"{p}\":{{\"type\":\"{type}\",\"description\":\"The {p} of the {verb} call.\"}}");
        }
        if (random.Next(8) == 0) props.Add("\"action\":{\"type\":\"string\",\"enum\":[\"list\",\"get\",\"create\",\"delete\"]}");
        using var doc = JsonDocument.Parse("{\"type\":\"object\",\"properties\":{" + string.Join(',', props) + "},\"required\":[]}");
        return doc.RootElement.Clone();
    }
}
