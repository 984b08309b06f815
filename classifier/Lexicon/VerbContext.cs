using System.Collections.Frozen;
using Catalog.Classifier.Signals;
using Catalog.Data.Model;

namespace Catalog.Classifier.Lexicon;

/// <summary>
/// Reads a verb together with the words around it. "run" is code execution with "script", a read with "audit", and
/// a write with "pipeline"; "transfer" moves money only when its object is money; "remove … from" detaches.
/// </summary>
internal static class VerbContext
{
    private const int ObjectSpan = 4;

    /// <param name="words">The words of the name or sentence, lower case.</param>
    /// <param name="index">Where the verb sits.</param>
    /// <param name="sqlContext">Whether the tool talks about SQL anywhere (so "query" means a SQL statement).</param>
    /// <param name="inName">The words are an identifier, where "remove_member_from_card" spells out a detachment.</param>
    /// <returns>A reading; weight 0 when the word is not acting as a verb here.</returns>
    public static VerbReading Read(VerbSense sense, IReadOnlyList<string> words, int index, bool sqlContext, bool inName)
    {
        var verb = sense.Verb;
        var objects = ObjectWords.After(words, index, ObjectSpan);

        switch (sense.Kind)
        {
            case VerbKind.Execute:
                return Execute(verb, words, index, objects, sqlContext);
            case VerbKind.Money:
                if (Nouns.InherentlyMoney.Contains(verb) || objects.Any(Nouns.Money))
                    return new(Category.Destructive, 0.85, Data.Model.CapabilityTags.Financial, "moves money out, which the agent cannot take back");
                // "place" is a verb only for orders and bets ("place_details" is a place).
                return verb == "place"
                    ? new(Category.Read, 0, null, "")
                    : new(Category.Write, 0.6, null, "moves an item between containers");
            case VerbKind.Manage:
                return new(Category.Write, 0.6, null, "manages a resource through several operations", AlsoDestructive: 0.4);
        }

        // Removing from the agent's own browser session (a cookie, a tab) is acting in that session: Write.
        if (verb is "remove" or "delete" or "clear" && objects.Any(Nouns.SessionItems))
            return new(Category.Write, 0.7, null, "acts in the agent's own browser session");
        // Removing a member of a team or an organisation ends their access and what they held there; a member on a
        // card or an issue is an attachment (below).
        if (verb is "remove" or "delete" && objects.Any(o => o is "member" or "members" or "user" or "users" or "collaborator" or "collaborators")
            && (objects.Any(Nouns.Memberships) || index > 0 && Nouns.Memberships.Contains(words[index - 1]) || Nouns.Memberships.ContainsAnyOf(words)))
            return new(Category.Destructive, 0.75, Data.Model.CapabilityTags.IdentityAccess, "removes someone's membership and the access that came with it");
        // A new password or secret replaces the old one, which cannot be restored.
        if (verb is "change" or "update" or "set" or "replace" && objects.Any(Nouns.Secrets))
            return new(Category.Destructive, 0.7, Data.Model.CapabilityTags.Credentials, "replaces a secret; the previous one cannot be restored");
        // remove a label/tag/link from Y: the item survives and adding it back undoes the change.
        if (verb == "remove" && objects.Any(Nouns.Attachments))
        {
            // …unless it is done to many items at once, which LABELING.md counts as a bulk change with no undo.
            return objects.Any(Nouns.Bulk)
                ? new(Category.Destructive, 0.7, Data.Model.CapabilityTags.Bulk, "detaches an item from many records at once, with no undo")
                : new(Category.Write, 0.7, null, "detaches an item, which adding it back undoes");
        }
        // Otherwise "remove X from Y" takes X out for good (a job from a queue, a domain from a project): LABELING.md
        // lists "remove" as Destructive.
        if (verb == "remove" && objects.Contains("from"))
            return new(Category.Destructive, 0.7, null, "removes an item from where it lived");

        // LABELING.md: an update that replaces what exists is Destructive. "Apply a manifest/config" replaces the
        // resource's state with the given one.
        if (verb == "apply" && objects.Any(Nouns.DesiredState))
            return new(Category.Destructive, 0.75, null, "applies a desired state that replaces what exists");
        if (verb == "upsert")
            return new(Category.Destructive, 0.65, null, "creates or overwrites an existing item");
        if (verb is "update" or "replace" && objects.Any(Nouns.Documents))
            return new(Category.Destructive, 0.7, null, "replaces a file's or a document's existing content");

        if (verb is "clear" or "purge" or "flush" or "invalidate" or "reset" && objects.Any(Nouns.Caches))
            return new(Category.Read, 0.55, null, "only drops a cache");
        if (verb is "start" or "trigger" or "launch" && objects.Any(Nouns.ReadRun))
            return new(Category.Read, 0.5, null, "starts a search or analysis that only observes");
        if (verb == "resolve")
        {
            return objects.Any(o => o is "issue" or "issues" or "thread" or "threads" or "comment" or "comments" or "alert" or "incident" or "conversation" or "discussion")
                ? new(Category.Write, 0.7, null, "marks an item resolved, which reopening undoes")
                : new(Category.Read, 0.5, null, "looks an identifier up");
        }
        if (verb is "alter" or "modify" && objects.Any(o => o is "table" or "tables" or "column" or "columns"))
            return new(Category.Destructive, 0.7, null, "alters a table, which can drop columns and data");

        // A migration is DDL run against the database: arbitrary schema change.
        if (verb is "apply" or "run" or "execute" or "complete" or "prepare" or "perform" && objects.Any(o => o is "migration" or "migrations"))
            return new(Category.Destructive, 0.75, Data.Model.CapabilityTags.CodeExecution, "applies a schema migration, which runs DDL");

        // "Adds two numbers" computes.
        if (verb is "add" or "subtract" or "multiply" or "divide" && objects.Any(o => o is "numbers" or "two" or "values" or "integers"))
            return new(Category.Read, 0.6, null, "computes a result");

        if (verb == "merge")
        {
            return objects.Any(Nouns.MergeTargets) || Nouns.MergeTargets.ContainsAnyOf(words)
                ? new(Category.Destructive, 0.75, null, "merges and can delete the source branch")
                : new(Category.Write, 0.6, null, "merges items");
        }
        if (verb == "replace" && index > 0 && words[index - 1] is "and" or "find" or "search")
            return new(Category.Write, 0.7, null, "edits text in place");
        if (verb == "push" && words.Contains("force"))
            return new(Category.Destructive, 0.85, null, "force-pushes, rewriting remote history");
        // "Update records … based on conditions": every row the condition matches, with no undo.
        if (verb is "update" or "modify" && objects.Any(o => o is "records" or "rows" or "documents" or "entries")
            && words.Any(w => w is "conditions" or "condition" or "where" or "filter" or "matching"))
            return new(Category.Destructive, 0.7, Data.Model.CapabilityTags.Bulk, "updates every record a condition matches, with no undo");
        if (verb is "update" or "modify" or "edit" or "set" && words.Any(w => w is "bulk" or "many"))
            return new(Category.Destructive, 0.75, Data.Model.CapabilityTags.Bulk, "changes many records at once with no undo");
        if (verb == "write" && objects.Any(o => o is "file" or "files"))
            return new(Category.Destructive, 0.75, null, "writes a file, replacing what was there");
        if (verb == "write" && objects.Any(o => o is "query" or "sql"))
            return new(Category.Destructive, 0.85, Data.Model.CapabilityTags.CodeExecution, "runs a writing SQL statement");
        // Apex classes, triggers, scripts: code written into a system that runs it there.
        if (verb == "write" && objects.Any(Nouns.Code))
            return new(Category.Destructive, 0.75, Data.Model.CapabilityTags.CodeExecution, "writes code that the system then runs");
        if (verb == "write" && objects.Contains("contract"))
            return new(Category.Destructive, 0.8, Data.Model.CapabilityTags.Financial, "sends an on-chain transaction");
        if (verb is "approve" && objects.Any(o => o is "spending" or "allowance"))
            return new(Category.Destructive, 0.85, Data.Model.CapabilityTags.Financial, "lets another party spend funds");
        if (verb is "confirm" or "place" or "submit" or "order" && objects.Any(o => o is "order" or "transfer" or "payment" or "invoice" or "purchase" or "trade"))
            return new(Category.Destructive, 0.85, Data.Model.CapabilityTags.Financial, "commits money to an order or payment");
        if (verb == "create" && objects.Any(o => o is "charge" or "refund" or "adjustment" or "payout"))
            return new(Category.Destructive, 0.8, Data.Model.CapabilityTags.Financial, "charges or refunds money");
        if (verb == "install" && objects.Any(Nouns.Installable))
            return new(Category.Write, 0.7, Data.Model.CapabilityTags.CodeExecution, "installs code that then runs");
        // A stopped process is gone (a stopped service or machine can be started again): LABELING.md "kill a process".
        if (verb is "stop" or "end" && objects.Any(o => o is "process" or "processes" or "pid"))
            return new(Category.Destructive, 0.75, null, "ends a running process, which cannot be resumed");
        // Signalling a process (TERM, KILL) ends it: LABELING.md "kill a process".
        if (verb == "signal")
        {
            return objects.Any(o => o is "process" or "processes" or "pid" or "session" or "command" or "job")
                ? new(Category.Destructive, 0.8, null, "signals a process, which can end it")
                : new(Category.Write, 0.6, null, "sends a signal");
        }
        // An in-place upgrade of a database engine migrates its files; there is no downgrade path back.
        if (verb == "upgrade" && objects.Any(o => o is "database" or "db" or "postgres" or "postgresql" or "mysql" or "cluster"))
            return new(Category.Destructive, 0.7, null, "upgrades a database in place, which cannot be rolled back");
        if (verb == "start" && objects.Any(o => o is "process" or "terminal" or "shell"))
            return new(Category.Destructive, 0.8, Data.Model.CapabilityTags.CodeExecution, "starts an arbitrary process");

        return new(sense.Category, sense.Weight, null, DefaultWhy(sense.Category));
    }

    private static VerbReading Execute(string verb, IReadOnlyList<string> words, int index, ObjectWords objects, bool sqlContext)
    {
        var before = index > 0 ? words[index - 1] : "";
        if (verb is "eval" or "evaluate" &&
            (Nouns.BrowserContext.Contains(before) || Nouns.BrowserContext.ContainsAnyOf(words) || objects.Any(Nouns.Code)))
            return new(Category.Destructive, 0.85, Data.Model.CapabilityTags.CodeExecution, "evaluates arbitrary script");
        if (objects.Any(Nouns.ReadRun))
            return new(Category.Read, 0.6, null, "runs an analysis that only observes");
        // "Execute a pending transfer or payment": carrying out a money movement.
        if (objects.Any(o => o is "transfer" or "transfers" or "payment" or "payments" or "trade" or "trades" or "swap" or "withdrawal"))
            return new(Category.Destructive, 0.85, Data.Model.CapabilityTags.Financial, "carries out a payment, which the agent cannot take back");
        if (objects.Any(Nouns.Code) || Nouns.Code.Contains(before))
            return new(Category.Destructive, 0.85, Data.Model.CapabilityTags.CodeExecution, "runs arbitrary code or commands");
        if (objects.Any(o => o is "pod" or "pods" or "container" or "image" or "actor"))
            return new(Category.Write, 0.65, Data.Model.CapabilityTags.CodeExecution, "starts a container or actor that runs code");
        if (objects.Any(o => o is "query" or "queries" or "mutation") && sqlContext)
            return new(Category.Destructive, 0.75, Data.Model.CapabilityTags.CodeExecution, "runs an arbitrary SQL statement");
        if (objects.Any(o => o is "query" or "queries"))
            return new(Category.Read, 0.5, null, "runs a query");
        if (verb is "eval" or "evaluate" or "interpret")
            return new(Category.Read, 0.5, null, "evaluates its input");
        return new(Category.Write, 0.6, null, "starts a job or workflow");
    }

    /// <summary>
    /// The next few words after the verb, articles skipped: "update an existing memory file" reaches "file". A view
    /// of the words, not a copy.
    /// </summary>
    private readonly struct ObjectWords
    {
        private readonly IReadOnlyList<string> _words;
        private readonly int _from;
        private readonly int _end;

        private ObjectWords(IReadOnlyList<string> words, int from, int end) => (_words, _from, _end) = (words, from, end);

        /// <summary>Up to <paramref name="count"/> words after <paramref name="index"/>, not counting articles.</summary>
        public static ObjectWords After(IReadOnlyList<string> words, int index, int count)
        {
            var end = index + 1;
            for (var taken = 0; end < words.Count && taken < count; end++)
            {
                if (!IsArticle(words[end])) taken++;
            }
            return new ObjectWords(words, index + 1, end);
        }

        public bool Contains(string word)
        {
            for (var i = _from; i < _end; i++)
            {
                if (_words[i] == word) return true;
            }
            return false;
        }

        public bool Any(FrozenSet<string> set)
        {
            for (var i = _from; i < _end; i++)
            {
                if (!IsArticle(_words[i]) && set.Contains(_words[i])) return true;
            }
            return false;
        }

        public bool Any(Func<string, bool> predicate)
        {
            for (var i = _from; i < _end; i++)
            {
                if (!IsArticle(_words[i]) && predicate(_words[i])) return true;
            }
            return false;
        }

        private static bool IsArticle(string word) => word is "a" or "an" or "the";
    }

    public static string DefaultWhy(Category category) => category switch
    {
        Category.Destructive => "removes or overwrites existing data",
        Category.Write => "creates or changes state",
        _ => "only observes",
    };
}
