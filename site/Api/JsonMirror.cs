using System.Buffers;
using System.Text.Json;
using Catalog.Data.Model;
using Catalog.Site.Output;
using Catalog.Site.Policy;
using Catalog.Site.Views;

namespace Catalog.Site.Api;

/// <summary>
/// The JSON API mirror (<c>api/</c>), written with <see cref="Utf8JsonWriter"/> in a fixed field order. The default
/// encoder escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes, so a file is safe even if served as HTML by mistake.
/// </summary>
public static class JsonMirror
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <param name="formats">The same recommendation exported for other gateways, written as <c>policyFormats</c>:
    /// format name → the exported text (the site keeps no file per tool and format).</param>
    public static byte[] Tool(ToolView tool, ServerView server, IReadOnlyList<(GatewayFormats.Format Format, string Content)> formats) => Write(w =>
    {
        var d = tool.Tool.Definition;
        var c = tool.Classification;
        w.WriteStartObject();
        w.WriteString("server", server.Server.Id);
        w.WriteString("name", d.Name);
        WriteNullable(w, "title", d.Title);
        WriteNullable(w, "description", d.Description);
        w.WritePropertyName("inputSchema");
        if (d.InputSchema is { } schema) schema.WriteTo(w); else w.WriteNullValue();
        w.WritePropertyName("annotations");
        WriteAnnotations(w, d.Annotations);
        WriteNullable(w, "category", c?.Category.ToString());
        WriteNullable(w, "risk", c?.Risk.ToString());
        w.WriteStartArray("tags");
        foreach (var tag in c?.Tags ?? []) w.WriteStringValue(tag);
        w.WriteEndArray();
        w.WritePropertyName("confidence");
        if (c is null) w.WriteNullValue(); else w.WriteNumberValue(Math.Round(c.Confidence, 4));
        WriteNullable(w, "rationale", c?.Rationale);
        w.WriteStartArray("evidence");
        foreach (var e in c?.Evidence ?? [])
        {
            w.WriteStartObject();
            w.WriteString("signal", e.Signal);
            w.WriteString("source", e.Source);
            w.WriteString("text", e.Text);
            w.WriteString("points", e.Points);
            w.WriteNumber("weight", Math.Round(e.Weight, 4));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("findings");
        foreach (var f in c?.Findings ?? [])
        {
            w.WriteStartObject();
            w.WriteString("type", f.Type);
            w.WriteString("severity", f.Severity.ToString());
            w.WriteString("evidence", f.Evidence);
            w.WriteString("explanation", f.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("operations");
        foreach (var o in c?.Operations ?? [])
        {
            w.WriteStartObject();
            w.WriteString("parameter", o.Parameter);
            w.WriteString("value", o.Value);
            w.WriteString("category", o.Category.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("policy");
        WritePolicy(w, tool.Policy);
        w.WriteStartObject("policyFormats");
        foreach (var (format, content) in formats) w.WriteString(format.Name, content);
        w.WriteEndObject();
        WriteNullable(w, "classifierVersion", c?.ClassifierVersion);
        w.WriteString("hash", tool.Tool.Hash);
        w.WriteString("provenance", tool.Tool.Provenance.ToString());
        w.WriteString("page", SitePaths.Tool(server.Slug, tool.Slug));
        w.WriteEndObject();
    });

    public static byte[] Server(ServerView server) => Write(w =>
    {
        var s = server.Server;
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        WriteNullable(w, "title", s.Title);
        WriteNullable(w, "description", s.Description);
        WriteNullable(w, "version", s.Version);
        WriteNullable(w, "repositoryUrl", s.RepositoryUrl);
        WriteNullable(w, "websiteUrl", s.WebsiteUrl);
        w.WriteString("source", s.Source);
        w.WriteStartArray("packages");
        foreach (var p in s.Packages)
        {
            w.WriteStartObject();
            w.WriteString("registryType", p.RegistryType);
            w.WriteString("identifier", p.Identifier);
            WriteNullable(w, "version", p.Version);
            w.WriteString("transport", p.Transport);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("lastCrawl");
        WriteAttempt(w, server.Attempt);
        WriteCounts(w, "countByRisk", server.CountByRisk);
        WriteCounts(w, "countByCategory", server.CountByCategory);
        w.WriteStartArray("tools");
        foreach (var t in server.Tools)
        {
            w.WriteStartObject();
            w.WriteString("name", t.Name);
            WriteNullable(w, "category", t.Classification?.Category.ToString());
            WriteNullable(w, "risk", t.Classification?.Risk.ToString());
            w.WriteStartArray("tags");
            foreach (var tag in t.Classification?.Tags ?? []) w.WriteStringValue(tag);
            w.WriteEndArray();
            w.WriteNumber("findings", t.Classification?.Findings.Count ?? 0);
            w.WriteString("json", SitePaths.ToolJson(server.Slug, t.Slug));
            w.WriteString("page", SitePaths.Tool(server.Slug, t.Slug));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName("policy");
        WritePolicy(w, server.Policy);
        w.WriteString("page", SitePaths.Server(server.Slug));
        w.WriteEndObject();
    });

    public static byte[] Index(IReadOnlyList<ServerSummary> servers, int tools, IReadOnlyDictionary<RiskClass, int> byRisk) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("serverCount", servers.Count);
        w.WriteNumber("toolCount", tools);
        WriteCounts(w, "countByRisk", byRisk);
        w.WriteStartArray("servers");
        foreach (var s in servers)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("name", s.Name);
            w.WriteNumber("toolCount", s.ToolCount);
            WriteCounts(w, "countByRisk", s.CountByRisk);
            WriteNullable(w, "lastStatus", s.Attempt?.Status.ToString());
            w.WriteString("json", SitePaths.ServerJson(s.Slug));
            w.WriteString("page", SitePaths.Server(s.Slug));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The policy download: exactly the text the page shows, plus a final newline.</summary>
    public static string PolicyFile(PolicyDocument policy) => policy.Pretty + "\n";

    private static void WritePolicy(Utf8JsonWriter w, PolicyDocument? policy)
    {
        if (policy is null) w.WriteNullValue(); else policy.Root.WriteTo(w);
    }

    private static void WriteAttempt(Utf8JsonWriter w, CrawlAttempt? a)
    {
        if (a is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("status", a.Status.ToString());
        WriteNullable(w, "error", a.Error);
        w.WriteNumber("durationMs", a.DurationMs);
        w.WriteNumber("toolCount", a.ToolCount);
        w.WriteString("provenance", a.Provenance.ToString());
        w.WriteString("date", a.At.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private static void WriteAnnotations(Utf8JsonWriter w, ToolAnnotations? a)
    {
        if (a is null || a.IsEmpty)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        if (a.Title is not null) w.WriteString("title", a.Title);
        if (a.ReadOnlyHint is { } r) w.WriteBoolean("readOnlyHint", r);
        if (a.DestructiveHint is { } d) w.WriteBoolean("destructiveHint", d);
        if (a.IdempotentHint is { } i) w.WriteBoolean("idempotentHint", i);
        if (a.OpenWorldHint is { } o) w.WriteBoolean("openWorldHint", o);
        w.WriteEndObject();
    }

    private static void WriteCounts<T>(Utf8JsonWriter w, string name, IReadOnlyDictionary<T, int> counts) where T : struct, Enum
    {
        w.WriteStartObject(name);
        foreach (var value in Enum.GetValues<T>()) w.WriteNumber(value.ToString(), counts.GetValueOrDefault(value));
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    /// <summary>One buffer per thread for every document it writes; a document is copied out of it once, at its size.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, Options)) body(w);
        buffer.Write("\n"u8);
        var document = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1 << 20) t_buffer = null; // one huge document does not stay with the thread
        return document;
    }
}
