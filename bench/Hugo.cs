using System.Text;
using Catalog.Data.Store;

/// <summary>
/// The same tool pages as a Hugo project: one Markdown file per tool (front matter + the page's prose, parameters
/// table and policy), a layout with the same header and sections, no themes. Hugo renders them in one run.
/// </summary>
internal static class Hugo
{
    public static void WriteProject(CatalogStore store, string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "layouts", "_default"));
        File.WriteAllText(Path.Combine(dir, "config.toml"), "baseURL = \"http://localhost/\"\ntitle = \"MCP tool risk catalog\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n[markup.goldmark.renderer]\nunsafe = false\n");
        File.WriteAllText(Path.Combine(dir, "layouts", "_default", "single.html"), """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} · MCP tool risk catalog</title><meta name="description" content="{{ .Params.summary }}"><link rel="stylesheet" href="/assets/site.css"></head>
            <body><header class="site-header"><a class="brand" href="/">MCP tool risk catalog</a><nav><a href="/">Servers</a> <a href="/tools/">Tools</a></nav></header>
            <main><nav class="crumbs"><a href="/">Servers</a> › <a href="/servers/{{ .Params.serverslug }}/">{{ .Params.server }}</a> › {{ .Title }}</nav>
            <h1>{{ .Title }}</h1><p class="badges"><span class="badge">{{ .Params.category }}</span> <span class="badge">{{ .Params.risk }}</span></p>
            <dl class="facts"><dt>Server</dt><dd>{{ .Params.server }}</dd><dt>Category</dt><dd>{{ .Params.category }}</dd><dt>Risk</dt><dd>{{ .Params.risk }}</dd>
            <dt>Tags</dt><dd>{{ range .Params.tags }}<span class="tag">{{ . }}</span> {{ end }}</dd><dt>Confidence</dt><dd>{{ .Params.confidence }}</dd></dl>
            {{ .Content }}
            </main><footer class="site-footer">Generated from the catalog store.</footer></body></html>
            """);
        File.WriteAllText(Path.Combine(dir, "layouts", "_default", "list.html"), "<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>\n");
        var content = Path.Combine(dir, "content", "tools");
        foreach (var t in store.GetTools())
        {
            var folder = Path.Combine(content, t.ServerId.Replace('/', '-'));
            Directory.CreateDirectory(folder);
            var c = t.Classification!;
            var sb = new StringBuilder();
            sb.Append("---\n");
            sb.Append($"title: \"{t.Definition.Name}\"\nserver: \"{t.ServerId}\"\nserverslug: \"{t.ServerId.Replace('/', '-')}\"\ncategory: \"{c.Category}\"\nrisk: \"{c.Risk}\"\nconfidence: {c.Confidence}\n");
            sb.Append($"summary: \"{t.Definition.Name}: a {c.Category} tool, risk class {c.Risk}.\"\ntags: [{string.Join(", ", c.Tags.Select(x => $"\"{x}\""))}]\n---\n\n");
            sb.Append("## Description\n\n").Append(t.Definition.Description).Append("\n\n");
            sb.Append($"## What {t.Definition.Name} does\n\n{c.Rationale}\n\n");
            sb.Append("## What the definition says\n\n");
            foreach (var e in c.Evidence) sb.Append($"- `{e.Signal}` in {e.Source}: \"{e.Text}\" → **{e.Points}** (weight {e.Weight:0.00})\n");
            sb.Append("\n## Parameters\n\n| Name | Type | Required | Description |\n|---|---|---|---|\n");
            if (t.Definition.InputSchema is { } schema && schema.TryGetProperty("properties", out var props))
                foreach (var p in props.EnumerateObject())
                    sb.Append($"| `{p.Name}` | {(p.Value.TryGetProperty("type", out var ty) ? ty.ToString() : "any")} | no | {(p.Value.TryGetProperty("description", out var d) ? d.GetString() : "")} |\n");
            sb.Append("\n## Findings\n\n").Append(c.Findings.Count == 0 ? "No problems were found in the definition itself." : string.Join("\n", c.Findings.Select(f => $"- **{f.Type}**: {f.Explanation}"))).Append("\n\n");
            sb.Append("## Recommended policy\n\n```json\n").Append(store.GetPolicy(t.ServerId, t.Definition.Name, "policylayer")).Append("\n```\n\n");
            sb.Append("## Questions\n\n**Is it safe to let an agent call it?** ").Append(c.Policy.Reason).Append("\n");
            File.WriteAllText(Path.Combine(folder, t.Definition.Name + ".md"), sb.ToString());
        }
    }
}
