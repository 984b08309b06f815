using System.Text;
using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Data.Store;

/// <summary>A deterministic synthetic catalog: servers of 40 tools with realistic names, descriptions, schemas and classifications.</summary>
internal static class Synthetic
{
    public const int ToolsPerServer = 40;
    private static readonly string[] Verbs = ["get", "list", "search", "read", "create", "update", "delete", "send", "run", "write", "fetch", "remove", "upload", "query", "set"];
    private static readonly string[] Nouns = ["file", "issue", "user", "message", "record", "page", "event", "invoice", "ticket", "repo", "branch", "comment", "task", "document", "table", "secret", "email", "channel", "project", "deployment"];
    private static readonly string[] Tags = ["filesystem", "network", "credentials", "external-communication", "code-execution", "bulk", "financial", "open-world"];

    public static void Populate(CatalogStore store, int tools)
    {
        var run = store.StartOrResumeRun("synthetic");
        var servers = (tools + ToolsPerServer - 1) / ToolsPerServer;
        var made = 0;
        for (var s = 0; s < servers; s++)
        {
            var id = $"io.example/server-{s:D6}";
            store.UpsertServer(new Server(id, $"server-{s:D6}", $"Example Server {s}", $"Synthetic server number {s} for the site benchmark.", "1.0.0",
                $"https://github.com/example/server-{s}", null, [new PackageRef("npm", $"@example/server-{s}", "1.0.0", "stdio")], "seed", "{}"));
            var count = Math.Min(ToolsPerServer, tools - made);
            var defs = Enumerable.Range(0, count).Select(i => Tool(s, i, 0)).ToList();
            store.RecordAttempt(new CrawlAttempt(run.Id, id, AttemptStatus.Ok, null, 400, defs.Count, Provenance.Live, default), defs);
            var classes = defs.Select(d => (d, Classify(d))).ToList();
            store.SaveClassifications(classes.Select(x => (id, x.d.Name, x.d.Hash, x.Item2)));
            foreach (var (d, c) in classes) store.SavePolicy(id, d.Name, "policylayer", Policy([(d.Name, c.Policy)]));
            store.SavePolicy(id, null, "policylayer", Policy(classes.Select(x => (x.d.Name, x.Item2.Policy))));
            made += count;
        }
        store.FinishRun(run.Id);
    }

    /// <summary>
    /// Redefines every <paramref name="every"/>th tool (a new description), and classifies the new version; with
    /// <paramref name="clustered"/>, every tool of every <paramref name="every"/>th server instead (the same share of
    /// tools on as few servers as it takes). With <paramref name="crawlAll"/> every server gets a crawl attempt, as a
    /// daily crawl of the whole catalog would record, whether its tools changed or not.
    /// </summary>
    public static void Touch(CatalogStore store, int every, bool clustered = false, bool crawlAll = false)
    {
        var run = store.StartOrResumeRun("synthetic-touch");
        var byServer = store.GetTools().GroupBy(t => t.ServerId).ToList();
        var (k, n) = (0, 0);
        foreach (var g in byServer)
        {
            var list = g.ToList();
            var changed = false;
            var wholeServer = clustered && n++ % every == 0;
            var defs = list.Select(t =>
            {
                if (clustered ? !wholeServer : k++ % every != 0) return t.Definition;
                changed = true;
                return t.Definition with { Description = t.Definition.Description + " Now also returns metadata." };
            }).ToList();
            if (!changed && !crawlAll) continue;
            store.RecordAttempt(new CrawlAttempt(run.Id, g.Key, AttemptStatus.Ok, null, 400, defs.Count, Provenance.Live, default), defs);
            if (changed) store.SaveClassifications(defs.Select(d => (g.Key, d.Name, d.Hash, Classify(d))));
        }
        store.FinishRun(run.Id);
    }

    private static ToolDefinition Tool(int server, int i, int version)
    {
        var verb = Verbs[(server * 7 + i) % Verbs.Length];
        var noun = Nouns[(server * 3 + i * 5) % Nouns.Length];
        var name = $"{verb}_{noun}" + (i >= Verbs.Length ? $"_{i}" : "");
        var sb = new StringBuilder();
        sb.Append($"{char.ToUpperInvariant(verb[0])}{verb[1..]} a {noun} in the example service. ");
        sb.Append($"Use this when the user asks to {verb} one or more {noun}s; the result is returned as JSON with the {noun} id, its title, owner and timestamps. ");
        sb.Append("Requires an API token with the matching scope. Rate limited by the upstream service.");
        var schema = $$"""
            {"type":"object","properties":{
              "{{noun}}_id":{"type":"string","description":"The id of the {{noun}}."},
              "limit":{"type":"integer","description":"How many results to return.","default":20},
              "format":{"type":"string","enum":["json","text","markdown"],"default":"json"},
              "filter":{"type":"object","properties":{"owner":{"type":"string"},"since":{"type":"string","description":"ISO date"} } }
            },"required":["{{noun}}_id"]}
            """;
        return new ToolDefinition(name, null, sb.ToString(), JsonDocument.Parse(schema).RootElement.Clone(),
            verb is "get" or "list" or "search" or "read" or "fetch" or "query" ? new ToolAnnotations(ReadOnlyHint: true) : null);
    }

    private static Classification Classify(ToolDefinition d)
    {
        var verb = d.Name.Split('_')[0];
        var category = verb switch
        {
            "get" or "list" or "search" or "read" or "fetch" or "query" => Category.Read,
            "delete" or "remove" or "run" => Category.Destructive,
            _ => Category.Write,
        };
        var h = d.Name.Length + d.Name[^1];
        string[] tags = h % 3 == 0 ? [Tags[h % Tags.Length]] : h % 3 == 1 ? [Tags[h % Tags.Length], Tags[(h + 3) % Tags.Length]] : [];
        tags = tags.Distinct().Order(StringComparer.Ordinal).ToArray();
        var action = category switch
        {
            Category.Read => new PolicyRecommendation(PolicyAction.Allow, null, null, null, "Read tools observe only."),
            Category.Write => new PolicyRecommendation(PolicyAction.RateLimit, 30, "minute", null, "Writes are capped."),
            _ => new PolicyRecommendation(PolicyAction.RequireApproval, null, null, "Needs approval.", "Destructive calls need a person."),
        };
        Finding[] findings = h % 11 == 0 ? [new Finding("annotation-missing", FindingSeverity.Low, "no annotations", "The tool declares no annotations.")] : [];
        return new Classification(category, tags, RiskTable.Classify(category, tags), 0.8,
            $"The name starts with the verb {verb}, which {(category == Category.Read ? "only reads" : "changes state")}.",
            [new Evidence("name-verb", "name", verb, category.ToString(), 0.8)], findings, [], action, "bench-1");
    }

    private static string Policy(IEnumerable<(string Tool, PolicyRecommendation P)> tools)
    {
        static string Q(string s) => JsonSerializer.Serialize(s);
        var entries = tools.OrderBy(t => t.Tool, StringComparer.Ordinal).Select(t => $"{Q(t.Tool)}:" + (t.P.Action switch
        {
            PolicyAction.Allow => "{}",
            PolicyAction.RateLimit => $"{{\"limits\":[{{\"counter\":{Q(t.Tool + "_rate")},\"window\":\"minute\",\"max\":{t.P.RateLimitMax ?? 30},\"scope\":\"grant\"}}]}}",
            _ => $"{{\"deny_if\":[{{\"conditions\":[],\"on_deny\":{Q(t.P.Message ?? "Blocked.")}}}]}}",
        }));
        return $"{{\"version\":\"1\",\"default\":\"deny\",\"tools\":{{{string.Join(',', entries)}}}}}";
    }
}
