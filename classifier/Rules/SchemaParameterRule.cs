using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Rules;

/// <summary>
/// What the arguments reveal: a <c>command</c> or <c>sql</c> string is code to run; <c>force</c>/<c>overwrite</c>
/// flags exist because the tool can destroy; <c>amount</c> with a recipient moves money; <c>to</c> with a body sends.
/// </summary>
internal sealed class SchemaParameterRule : IRule
{
    private static readonly HashSet<string> CodeParams = new(StringComparer.Ordinal)
    {
        "command", "cmd", "script", "javascript", "js", "python", "shell", "bash", "commandline", "code", "sql",
        "statement", "ddl", "dml", "function",
    };

    private static readonly HashSet<string> RunWords = new(StringComparer.Ordinal)
    {
        "execute", "executed", "run", "runs", "evaluate", "evaluated", "eval", "shell", "bash", "terminal", "javascript",
        "python", "script", "sql", "interpreter",
    };

    /// <summary>The clause escalator flags carry; the decider ignores them on tools that do not otherwise write.</summary>
    internal const string EscalatorWhy = "has a flag that forces destructive behaviour";

    public void Apply(ToolFacts facts, EvidenceSink sink)
    {
        var hasContent = false;
        var hasPath = false;
        var hasAmount = false;
        var hasPayee = false;
        var hasRecipient = false;
        var hasMessageBody = false;

        foreach (var p in facts.Properties)
        {
            if (p.Depth > 0) continue;
            var name = p.Name.ToLowerInvariant();
            var last = p.Tokens.Count > 0 ? p.Tokens[^1] : name;

            var codeName = CodeParams.ContainsJoined(p.Tokens) || p.Tokens.Count == 2 && CodeParams.Contains(last) && p.Tokens[0] is not "sub";
            if (p.Type is null or "string" && codeName && LooksRunnable(facts, p, last))
            {
                var weight = last is "sql" or "statement" or "ddl" or "dml" ? 0.65 : 0.7;
                sink.For(Category.Destructive, SignalIds.SchemaParam, Sources.Schema, p.Name, weight, "takes code to run");
                sink.Tag(CapabilityTags.CodeExecution, Sources.Schema, p.Name, 0.7);
            }
            // "truncateFirst", "dropTarget", "pruneOrphans": the verb leads the flag's name.
            if (p.Type is "boolean" or null && (Escalator(last) ?? LeadingEscalator(p.Tokens)) is { } escalation)
                sink.For(Category.Destructive, SignalIds.SchemaParam, Sources.Schema, p.Name, escalation, EscalatorWhy);

            hasPath |= last is "path" or "filepath" or "filename" or "file";
            hasContent |= last is "content" or "contents";
            hasAmount |= last == "amount";
            hasPayee |= last is "recipient" or "payee" or "receiver" || name is "to_address" or "toaddress" or "destination_address";
            hasRecipient |= last is "to" or "recipient" or "recipients" or "cc" or "bcc";
            hasMessageBody |= last is "body" or "subject" or "message" or "html";
        }

        if (hasPath && hasContent)
            sink.For(Category.Write, SignalIds.SchemaParam, Sources.Schema, "path + content", 0.6, "writes content to a path");
        if (hasAmount && hasPayee && !facts.NameTokens.Any(t => t is "get" or "list" or "estimate" or "quote" or "simulate"))
        {
            sink.For(Category.Destructive, SignalIds.SchemaParam, Sources.Schema, "amount + recipient", 0.6, "sends an amount to a recipient");
            sink.Tag(CapabilityTags.Financial, Sources.Schema, "amount + recipient", 0.6);
        }
        if (hasRecipient && hasMessageBody)
        {
            sink.For(Category.Write, SignalIds.SchemaParam, Sources.Schema, "recipient + message body", 0.6, "sends a message");
            // Drafts carry recipients too; the tag needs a sending verb as well.
            sink.Tag(CapabilityTags.ExternalCommunication, Sources.Schema, "recipient + message body", 0.4);
        }
    }

    // "code" is also a country code or a verification code: count it only when something says it runs.
    private static bool LooksRunnable(ToolFacts facts, SchemaProperty p, string last)
    {
        // Code beside the language it is written in is a program, not a country or a verification code.
        if (last == "code" && facts.Properties.Any(o => o.Depth == 0 && o.Name is "language" or "lang" or "runtime")) return true;
        if (last is "javascript" or "python" or "bash" or "shell" or "sql" or "ddl" or "dml" or "commandline") return true;
        foreach (var w in RunWords) if (p.Description.Contains(w, StringComparison.Ordinal)) return true;
        foreach (var t in facts.NameTokens) if (RunWords.Contains(t) || t is "exec" or "evaluate" or "eval") return true;
        return false;
    }

    /// <summary>Flags that exist because the tool can destroy (LABELING.md tie-breaks). Counted only on tools that write.</summary>
    private static double? LeadingEscalator(IReadOnlyList<string> tokens) =>
        tokens.Count > 1 && tokens[0] is "truncate" or "drop" or "prune" or "overwrite" or "purge" or "wipe" ? 0.65 : null;

    private static double? Escalator(string last) => last switch
    {
        // Measured on the dev set: "confirm" and "force" often gate ordinary writes (a confirmation prompt, a forced
        // re-login), so alone they do not make a tool Destructive; with one more destructive hint they do.
        "overwrite" or "replace" or "cascade" or "purge" or "hard" or "prune" or "truncate" => 0.65,
        "force" or "permanent" => 0.5,
        "recursive" or "confirm" or "confirmed" or "confirmation" => 0.4,
        _ => null,
    };
}
