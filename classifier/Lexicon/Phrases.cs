using Catalog.Data.Model;

namespace Catalog.Classifier.Lexicon;

/// <summary>A description phrase and what it argues for.</summary>
/// <param name="Category">The category it points to; null for tag-only phrases.</param>
/// <param name="ReadOnly">A claim that the tool changes nothing: counter-evidence against Write and Destructive.</param>
/// <param name="Prefix">The phrase may end mid-word ("irreversib" → "irreversible", "irreversibly").</param>
internal sealed record Phrase(string Text, Category? Category, double Weight, string Why, string? Tag = null,
    bool ReadOnly = false, bool Prefix = false);

/// <summary>The phrase table. Lower case; matched at word boundaries.</summary>
internal static class Phrases
{
    private const string Gone = "has an effect that cannot be taken back";
    private const string Runs = "runs arbitrary code or commands";

    public static readonly IReadOnlyList<Phrase> All =
    [
        // Irreversibility, stated by the author.
        new("permanently delet", Category.Destructive, 0.9, Gone, Prefix: true),
        new("permanently remov", Category.Destructive, 0.9, Gone, Prefix: true),
        new("permanently eras", Category.Destructive, 0.9, Gone, Prefix: true),
        new("cannot be undone", Category.Destructive, 0.9, Gone),
        new("can't be undone", Category.Destructive, 0.9, Gone),
        new("can not be undone", Category.Destructive, 0.9, Gone),
        new("not be recovered", Category.Destructive, 0.85, Gone),
        new("cannot be recovered", Category.Destructive, 0.9, Gone),
        new("irreversib", Category.Destructive, 0.85, Gone, Prefix: true),
        new("irrevocab", Category.Destructive, 0.85, Gone, Prefix: true),
        new("not reversible", Category.Destructive, 0.85, Gone),
        new("permanently appl", Category.Destructive, 0.8, Gone, Prefix: true),
        // The author calls the effect destructive ("releasing is destructive to the device's state").
        new("is destructive", Category.Destructive, 0.85, "is stated to be destructive"),
        new("destructive to", Category.Destructive, 0.8, "is stated to be destructive"),
        new("overwrit", Category.Destructive, 0.75, "overwrites existing content", Prefix: true),
        new("replaces the entire", Category.Destructive, 0.75, "overwrites existing content"),
        new("replace the entire", Category.Destructive, 0.75, "overwrites existing content"),
        new("replaces all", Category.Destructive, 0.7, "overwrites existing content"),
        new("replace all", Category.Destructive, 0.7, "overwrites existing content"),
        new("replaces existing", Category.Destructive, 0.75, "overwrites existing content"),
        new("replace existing", Category.Destructive, 0.75, "overwrites existing content"),
        new("replace an existing", Category.Destructive, 0.75, "overwrites existing content"),
        new("replaces an existing", Category.Destructive, 0.75, "overwrites existing content"),
        // Create-or-update overwrites an existing item with the given one (LABELING.md: replacing updates).
        new("create or update", Category.Destructive, 0.65, "overwrites an existing item when there is one"),
        new("creates or updates", Category.Destructive, 0.65, "overwrites an existing item when there is one"),
        new("create or replace", Category.Destructive, 0.75, "overwrites an existing item when there is one"),
        new("creates or replaces", Category.Destructive, 0.75, "overwrites an existing item when there is one"),
        new("server-side apply", Category.Destructive, 0.75, "applies a desired state that replaces what exists"),
        // Passive statements of loss: "files not present locally are removed", "omitted items are deleted".
        new("are removed", Category.Destructive, 0.7, "removes existing data"),
        new("will be removed", Category.Destructive, 0.7, "removes existing data"),
        new("are deleted", Category.Destructive, 0.7, "removes existing data"),
        new("will be deleted", Category.Destructive, 0.7, "removes existing data"),
        new("is removed", Category.Destructive, 0.7, "removes existing data"),
        new("is deleted", Category.Destructive, 0.7, "removes existing data"),
        // Deleting named among the things the tool does: "creating, updating, or deleting data".
        new("or delete", Category.Destructive, 0.7, "can also delete"),
        new("or deleting", Category.Destructive, 0.7, "can also delete"),
        new("and delete", Category.Destructive, 0.7, "can also delete"),
        new("and deleting", Category.Destructive, 0.7, "can also delete"),
        // Also a setting's name ("force push settings"): evidence, not a statement the model must obey.
        new("force push", Category.Destructive, 0.7, "rewrites remote history"),
        new("force-push", Category.Destructive, 0.7, "rewrites remote history"),
        new("drop table", Category.Destructive, 0.8, "can drop tables", Tag: CapabilityTags.Database),
        new("delete all", Category.Destructive, 0.85, "deletes in bulk", Tag: CapabilityTags.Bulk),
        new("deletes all", Category.Destructive, 0.85, "deletes in bulk", Tag: CapabilityTags.Bulk),
        new("kills the process", Category.Destructive, 0.85, "ends a running process"),
        new("terminates the process", Category.Destructive, 0.85, "ends a running process"),

        // Arbitrary code, commands or SQL (LABELING.md: Destructive with code-execution).
        new("shell command", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("terminal command", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("bash command", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("arbitrary code", Category.Destructive, 0.9, Runs, CapabilityTags.CodeExecution),
        new("arbitrary command", Category.Destructive, 0.9, Runs, CapabilityTags.CodeExecution, Prefix: true),
        new("arbitrary javascript", Category.Destructive, 0.9, Runs, CapabilityTags.CodeExecution),
        new("arbitrary sql", Category.Destructive, 0.9, Runs, CapabilityTags.CodeExecution),
        new("execute javascript", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("executes javascript", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("evaluate javascript", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("run javascript", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("javascript code", Category.Destructive, 0.8, Runs, CapabilityTags.CodeExecution),
        new("python code", Category.Destructive, 0.8, Runs, CapabilityTags.CodeExecution),
        new("execute code", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("executes code", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("run code", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("execute a command", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("executes a command", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("execute commands", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("run a command", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("runs a command", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("execute sql", Category.Destructive, 0.8, "runs arbitrary SQL", CapabilityTags.CodeExecution),
        new("executes sql", Category.Destructive, 0.8, "runs arbitrary SQL", CapabilityTags.CodeExecution),
        new("execute a sql", Category.Destructive, 0.8, "runs arbitrary SQL", CapabilityTags.CodeExecution),
        new("executes a sql", Category.Destructive, 0.8, "runs arbitrary SQL", CapabilityTags.CodeExecution),
        new("execute raw sql", Category.Destructive, 0.85, "runs arbitrary SQL", CapabilityTags.CodeExecution),
        new("run sql", Category.Destructive, 0.8, "runs arbitrary SQL", CapabilityTags.CodeExecution),
        new("raw sql", Category.Destructive, 0.75, "runs arbitrary SQL", CapabilityTags.CodeExecution),
        new("interactive shell", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution, Prefix: true),
        new("repl process", Category.Destructive, 0.8, Runs, CapabilityTags.CodeExecution, Prefix: true),
        new("repl session", Category.Destructive, 0.8, Runs, CapabilityTags.CodeExecution, Prefix: true),
        new("terminal operations", Category.Destructive, 0.8, Runs, CapabilityTags.CodeExecution),
        new("stateful shell", Category.Destructive, 0.85, Runs, CapabilityTags.CodeExecution),
        new("any sql", Category.Destructive, 0.8, "runs arbitrary SQL", CapabilityTags.CodeExecution),

        // The author says nothing changes. Negated forms ("not read-only") are skipped by the rule.
        new("read-only", Category.Read, 0.9, "is stated to be read-only", ReadOnly: true),
        new("read only", Category.Read, 0.9, "is stated to be read-only", ReadOnly: true),
        new("readonly", Category.Read, 0.85, "is stated to be read-only", ReadOnly: true),
        new("does not modify", Category.Read, 0.9, "is stated to change nothing", ReadOnly: true),
        new("doesn't modify", Category.Read, 0.9, "is stated to change nothing", ReadOnly: true),
        new("will not modify", Category.Read, 0.9, "is stated to change nothing", ReadOnly: true),
        new("without modifying", Category.Read, 0.85, "is stated to change nothing", ReadOnly: true),
        new("without making changes", Category.Read, 0.85, "is stated to change nothing", ReadOnly: true),
        new("no side effects", Category.Read, 0.85, "is stated to change nothing", ReadOnly: true),
        new("only select", Category.Read, 0.85, "is limited to SELECT statements", ReadOnly: true),
        new("select queries only", Category.Read, 0.9, "is limited to SELECT statements", ReadOnly: true),
        new("select statements only", Category.Read, 0.9, "is limited to SELECT statements", ReadOnly: true),
        new("only select queries", Category.Read, 0.9, "is limited to SELECT statements", ReadOnly: true),

        // Tags only: who else is reached, and whose money.
        new("send an email", null, 0.7, "", CapabilityTags.ExternalCommunication),
        new("sends an email", null, 0.7, "", CapabilityTags.ExternalCommunication),
        new("send a message", null, 0.7, "", CapabilityTags.ExternalCommunication),
        new("sends a message", null, 0.7, "", CapabilityTags.ExternalCommunication),
        new("post a message", null, 0.7, "", CapabilityTags.ExternalCommunication),
        new("posts a message", null, 0.7, "", CapabilityTags.ExternalCommunication),
        new("send a notification", null, 0.6, "", CapabilityTags.ExternalCommunication),
        new("sends a notification", null, 0.6, "", CapabilityTags.ExternalCommunication),
        new("usdc", null, 0.6, "", CapabilityTags.Financial),
        new("usdt", null, 0.6, "", CapabilityTags.Financial),
        new("transfer funds", null, 0.7, "", CapabilityTags.Financial),
        new("send money", null, 0.7, "", CapabilityTags.Financial),
        new("place an order", null, 0.7, "", CapabilityTags.Financial),
        new("market order", null, 0.7, "", CapabilityTags.Financial),
        new("limit order", null, 0.7, "", CapabilityTags.Financial),
        new("api key", null, 0.45, "", CapabilityTags.Credentials),
        new("access token", null, 0.45, "", CapabilityTags.Credentials),
        new("password", null, 0.45, "", CapabilityTags.Credentials),
        new("private key", null, 0.5, "", CapabilityTags.Credentials),
        new("credentials", null, 0.45, "", CapabilityTags.Credentials),
        new("permissions", null, 0.45, "", CapabilityTags.IdentityAccess),
        new("access control", null, 0.5, "", CapabilityTags.IdentityAccess),
    ];
}
